import { findThirdPartySensitive } from "@/lib/write-policy/find-third-party-sensitive";
import type { Item } from "./read-message";
import { ANSWER_STYLE } from "./lexicon";
import type { DraftMemory } from "./verdict";

export type Draft = { memory: DraftMemory; item: Item };

const wordsOf = (content: string) => new Set(content.toLowerCase().split(/[^\p{L}\p{N}'-]+/u).filter((w) => w && w !== "user" && w !== "user's"));
const properNouns = (content: string) => content.split(/\s+/).slice(1).filter((w) => /^[A-Z][a-z]/.test(w)).map((w) => w.replace(/[^\p{L}]/gu, ""));

/** Message-level tidying: reasons, consequences, elaborations, repeats and one preference said twice. */
export function keepMainClaims(drafts: Draft[], items: Item[]): DraftMemory[] {
  const position = (d: Draft) => items.indexOf(d.item);
  // A reason is kept only when it is itself who the user is ("because I'm lactose intolerant"), not a time ("since I was 14").
  // "because my partner is from Porto" explains; "since our son was born in March" dates the user's own life.
  const pastState = (item: Item) => item.reading.verb?.lemma === "be" && item.reading.verb.past;
  const othersReason = (item: Item) => item.reading.subject === "possessive" && item.clause.linkedBy !== "since";
  let kept = drafts.filter(({ memory, item }) => item.clause.join !== "because" || (memory.identity && !pastState(item) && !othersReason(item)));
  // "…, so I'll need to leave early": a consequence stays only when it is a choice, or the only claim.
  kept = kept.filter((d) => d.item.clause.join !== "so" || d.memory.type === "decision" || (d.memory.identity && d.item.reading.verb?.lemma === "be") || !kept.some((k) => k.item.clause.sentence === d.item.clause.sentence && position(k) < position(d)));
  // "I volunteer at the food bank, sorting the donations": an "-ing" phrase after a comma tells more of the same claim.
  kept = kept.filter((d) => !(d.item.clause.linkedBy === "," && d.item.clause.sharesSubject && !d.memory.identity && d.memory.type === "fact" && kept.some((k) => position(k) === position(d) - 1)));
  // "I hate phone calls, email is so much better for me": two sides of one taste, said as one sentence;
  // "ditched my old bank and moved over to Monzo": one switch, said as two verbs.
  const merged: Draft[] = [];
  for (const d of kept) {
    const last = merged.at(-1);
    const adjacent = last !== undefined && position(last) === position(d) - 1 && last.memory.type === d.memory.type;
    const taste = adjacent && d.memory.type === "preference" && d.item.clause.linkedBy === ",";
    // Only a switch is one choice: the first half leaves something "old" or unnamed; "sell the car and bike to work" is two.
    const replaced = last !== undefined && (/\b(old|current|previous|existing|usual|former)\b/i.test(last.memory.content) || last.memory.content.split(" ").length <= 3);
    const oneChoice = adjacent && replaced && d.memory.type === "decision" && d.item.clause.sharesSubject && last!.item.clause.sentence === d.item.clause.sentence;
    // "always metric pls. no cups no fahrenheit": the units ruled out are the other side of the same instruction.
    const unitsOf = (m: DraftMemory) => m.content.toLowerCase().split(/[^a-z]+/).filter((w) => ANSWER_STYLE.has(w));
    const contrast = last !== undefined && last.memory.standing && d.memory.standing && d.memory.type === "preference" && /^User (prefers |wants the assistant to )?(no|not|never|avoid)\b/.test(d.memory.content) && unitsOf(last.memory).length > 0 && unitsOf(d.memory).length > 0 && position(d) - position(last) <= 2;
    if (last && contrast) {
      merged[merged.length - 1] = { ...last, memory: { ...last.memory, content: `${last.memory.content}; ${d.memory.content.replace(/^User (prefers )?/, "")}` } };
      continue;
    }
    if (last && (taste || oneChoice)) {
      const joined = taste ? `${last.memory.content}; ${d.memory.content}` : `${last.memory.content}, and ${d.memory.content.replace(/^User /, "")}`;
      merged[merged.length - 1] = { ...last, memory: { ...last.memory, content: joined } };
      continue;
    }
    merged.push(d);
  }
  const memories = merged.map((d) => d.memory);
  return memories.filter((m, i) => {
    const mine = wordsOf(m.content);
    // Of two memories where one says everything the other says, the fuller one; of two equal ones, the first.
    const subsumed = memories.some((other, j) => j !== i && other.type === m.type && [...mine].every((w) => wordsOf(other.content).has(w)) && (wordsOf(other.content).size > mine.size || j < i));
    // "Please call me Margaret, not Maggie. I've never cared for Maggie.": a later preference about a name already covered.
    const names = properNouns(m.content);
    const covered = m.type === "preference" && names.length > 0 && memories.some((other, j) => j < i && other.type === "preference" && names.every((n) => other.content.includes(n)));
    return !subsumed && !covered;
  });
}

/**
 * "User takes their insulin daily": "their" is the user, but it reads like someone else beside
 * a health or money word; spelled out as "User's", the claim stays the user's own.
 */
export function ownPronouns(content: string): string {
  if (!/^User\b/.test(content) || findThirdPartySensitive(content) === null) return content;
  const spelled = content.replace(/\btheir\b/g, "User's").replace(/\bthem\b/g, "User").replace(/\bthemselves\b/g, "User");
  return findThirdPartySensitive(spelled) === null ? spelled : content;
}

