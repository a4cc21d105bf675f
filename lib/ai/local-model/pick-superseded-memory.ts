import type { MemoryHit } from "./tool-results";
import { slotsOf, topicTerms } from "./topic-terms";

const VALUE_WORDS = new Set(["new", "old", "now", "last", "next", "month", "week", "year", "today"]);

/**
 * Picks which existing memory a correction replaces: the search hit that talks about the same
 * slot (both about where the user lives, both about their favourite language) or shares the
 * topic words. The search score alone is not enough: the closest memory may be a different
 * fact that happens to use similar words, and superseding it would lose it.
 */
export function pickSupersededMemory(options: {
  correction: string;
  memoryType: string;
  hits: MemoryHit[];
}): MemoryHit | undefined {
  const newTerms = topicTerms(options.correction).filter((t) => !VALUE_WORDS.has(t));
  const newSlots = slotsOf(newTerms);
  let best: { hit: MemoryHit; score: number } | undefined;
  for (const hit of options.hits) {
    const terms = topicTerms(hit.content);
    const shared = terms.filter((t) => newTerms.includes(t)).length;
    const sameSlot = [...slotsOf(terms)].some((s) => newSlots.has(s));
    if (shared === 0 && !sameSlot) continue;
    // The new value differs from the old one, so a hit that shares every word is a duplicate, not a correction target.
    const score = shared + (sameSlot ? 2 : 0) + (hit.type === options.memoryType ? 1 : 0) + (hit.score ?? 0) / 10;
    if (!best || score > best.score) best = { hit, score };
  }
  return best?.hit;
}
