import { type Term } from "./parse-sentences";

const phrases = (list: string[]) => list.map((p) => p.split(" "));
// Afterthoughts after a comma that are not part of the memory: ", if that matters", ", so keep that in mind".
const AFTERTHOUGHT = new Set(["so", "if", "just", "which", "though", "in", "not", "maybe", "probably", "please", "lol", "haha", "btw", "fyi", "right", "ok", "okay"]);
const TRAILING = phrases(["from now on", "please", "by the way", "btw", "fyi", "just so you know", "for context", "for the record", "if that helps", "if that matters", "too", "as well"]);

/**
 * Cuts what trails the fact itself: an afterthought after a comma (", if that matters", ", so
 * keep that in mind"), a reason (", for health reasons") or a closing "by the way".
 */
export function trimAfterthought(terms: Term[]): Term[] {
  const cut = terms.findIndex((t, i) => i > 1 && /,/.test(terms[i - 1]!.post) && AFTERTHOUGHT.has(t.normal));
  const kept = cut > 0 ? terms.slice(0, cut) : terms;
  // ", for religious reasons", ", for health reasons": the why is not part of the fact.
  const reason = kept.findIndex((t, i) => i > 1 && /,/.test(kept[i - 1]!.post) && t.normal === "for" && /^reasons?$/.test(kept.at(-1)!.normal));
  if (reason > 0) return kept.slice(0, reason);
  // A trailing "by the way" or "for context" is not part of the fact.
  const tail = TRAILING.find((p) => p.length < kept.length && p.every((w, i) => kept[kept.length - p.length + i]!.normal === w));
  return tail ? kept.slice(0, kept.length - tail.length) : kept;
}
