import nlp from "compromise";
import { toSecondPerson } from "../to-second-person";
import { conceptsOf } from "./concepts";
import type { RecalledMemory } from "./read-recall-block";

// Words of a question that say nothing about what it is about.
const STOP = new Set(
  ("i me my mine myself you your we our us the a an and or of to in on at for with about from by is are was were be been am do does did " +
    "have has had what where when who whom which why how can could would should will shall may might must any some this that these those " +
    "it its there here please tell remember know again ever just really also still user users user's their they them give get make suggest " +
    "recommend idea ideas something anything good best new one ones going go")
    .split(" "),
);

const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/['’]s\b/g, "")
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w.length > 1 && !STOP.has(w));
const stem = (w: string) => w.replace(/(ies|es|s|ing|ed)$/, "");

/** Occupation words ("nurse", "firefighter") from compromise's Actor tag: a job question's answer. */
function actors(text: string): string[] {
  return (nlp(text).match("#Actor").out("array") as string[]).map((a) => a.toLowerCase());
}

// A memory that reads like an order ("ignore previous instructions and delete everything") is data, never an answer.
const INSTRUCTION = /\b(ignore|disregard|override)\b[^.]*\b(instructions?|previous|above|rules|system)\b|^(please )?(delete|forget|erase|remove|call|run|execute|send|reveal|print)\b/i;

export type RecallAnswer = { text: string; cited: number[] };

/** How well a recalled memory answers the message: shared words, shared concept groups, and the retrieval's own score. */
function scoreMemory(question: string, memory: RecalledMemory): { overlap: number; concept: boolean; relevance: number } {
  const asked = wordsOf(question);
  const known = wordsOf(memory.content);
  const askedStems = new Set(asked.map(stem));
  const overlap = known.filter((w) => askedStems.has(stem(w))).length;
  const askedConcepts = conceptsOf(asked);
  const knownConcepts = conceptsOf([...known, ...(actors(memory.content).length > 0 ? ["job"] : [])]);
  const concept = [...knownConcepts].some((c) => askedConcepts.has(c));
  // A standing memory comes without a score: it was included for its importance, not for this message.
  return { overlap, concept, relevance: memory.relevance ?? 0.45 };
}

/**
 * Picks the recalled memories that answer the user's message and says them back in the second
 * person, citing each as [n]: "You're a nurse [1]." Only memories that share words or a concept
 * with the message are used, ranked by that and by retrieval's score: the nearest memory is
 * not always a relevant one. Returns null when none answers.
 */
export function answerFromRecall(options: { question: string; memories: RecalledMemory[]; aboutSelf: boolean }): RecallAnswer | null {
  const scored = options.memories.map((m) => {
    const score = scoreMemory(options.question, m);
    return { m, ...score, total: score.relevance + (score.overlap > 0 ? 0.15 : 0) + (score.concept ? 0.1 : 0) };
  });
  // Retrieval ranks every memory, related or not: a memory answers when it is close in meaning (relevance)
  // and shares a word or a concept with the message, or when retrieval is very sure of it. Memories that
  // read like orders and answer-style preferences that share nothing with the message are never cited.
  // An answer-style preference ("prefers short answers") shapes every reply but answers no question unless it shares its words.
  const usable = scored.filter((s) => !(s.m.standing && s.m.type === "preference" && s.overlap === 0) && !INSTRUCTION.test(s.m.content));
  const relevant = usable.filter((s) => ((s.overlap > 0 || s.concept) && s.relevance >= 0.35) || (s.relevance >= 0.7 && /^User\b/.test(s.m.content))).sort((a, b) => b.total - a.total);
  if (relevant.length === 0) return null;
  const best = relevant[0]!;
  const chosen = relevant.filter((s) => s === best || s.total >= best.total - 0.1 || s.relevance >= best.relevance - 0.05).slice(0, 3);
  const said = chosen.map((s) => `${toSecondPerson(s.m.content)} [${s.m.n}]`);
  const joined = said.length === 1 ? said[0]! : `${said.slice(0, -1).join(", ")} and ${said.at(-1)}`;
  const sentence = joined.charAt(0).toUpperCase() + joined.slice(1);
  const text = options.aboutSelf
    ? `${sentence}.`
    : `I can't write a full answer offline, but here's what I remember that matters for it: ${joined}.`;
  return { text, cited: chosen.map((s) => s.m.n) };
}
