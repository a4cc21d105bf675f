/** What one question's answer did, judged against the memories that should answer it. */
export type RecallAnswerVerdict = {
  /** The recall block held an expected memory (retrieval worked). */
  recalledExpected: boolean;
  /** The answer cited an expected memory (answered from the right memory). */
  citedExpected: boolean;
  /** The answer cited a memory that was not given to it, or one that is not the user's. */
  citedForeign: boolean;
  /** For a question nothing in memory answers: the answer cited nothing. */
  abstained: boolean;
  correct: boolean;
};

/**
 * Scores one answer. `recalled` maps the [n] numbers the answer was given to memory ids;
 * `ownIds` are the ids of the asking user's live memories. A question with expected memories
 * is answered correctly when the answer cites one of them; a question with none, when it cites
 * nothing. Citing a number it was not given, or a memory that is not the user's live one, is
 * always wrong.
 */
export function scoreRecallAnswer(options: {
  answer: string;
  recalled: { n: number; id: string }[];
  expectedIds: string[];
  ownIds: Set<string>;
}): RecallAnswerVerdict {
  const byNumber = new Map(options.recalled.map((m) => [m.n, m.id]));
  const cited = [...options.answer.matchAll(/\[(\d{1,2})\]/g)].map((m) => Number(m[1]));
  const citedIds = cited.map((n) => byNumber.get(n));
  const citedForeign = citedIds.some((id) => id === undefined || !options.ownIds.has(id));
  const expected = new Set(options.expectedIds);
  const recalledExpected = options.recalled.some((m) => expected.has(m.id));
  const citedExpected = citedIds.some((id) => id !== undefined && expected.has(id));
  const abstained = cited.length === 0;
  const correct = !citedForeign && (expected.size === 0 ? abstained : citedExpected);
  return { recalledExpected, citedExpected, citedForeign, abstained, correct };
}
