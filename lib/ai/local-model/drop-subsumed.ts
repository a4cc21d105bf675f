export type Subsumable = { content: string; memory_type: string };

const wordsOf = (content: string) => new Set(content.toLowerCase().split(/[^\p{L}\p{N}'-]+/u).filter(Boolean));

/**
 * Of two memories where one says everything the other says ("drives a Subaru" / "drives a
 * Subaru Outback"), keeps the fuller one; of two equal ones, the first.
 */
export function dropSubsumed<T extends Subsumable>(memories: T[]): T[] {
  return memories.filter((m, i) => {
    const mine = wordsOf(m.content);
    return !memories.some((other, j) => {
      if (j === i || other.memory_type !== m.memory_type) return false;
      const theirs = wordsOf(other.content);
      const covered = [...mine].every((w) => theirs.has(w));
      return covered && (theirs.size > mine.size || j < i);
    });
  });
}
