import { verbInfinitive } from "./conjugate";
import type { Term } from "./parse-sentences";

export type VerbGroup = {
  /** Index in `body` of the first word of the verb group (adverbs and auxiliaries included) */
  at: number;
  /** Index in `body` just after the main verb */
  end: number;
  main: Term;
  lemma: string;
  modal: string | null;
  negated: boolean;
  perfect: boolean;
  progressive: boolean;
  past: boolean;
  /** "will", "going to", "'ll" */
  future: boolean;
  passive: boolean;
  /** "have to", "need to", "must", "should" */
  obligation: boolean;
  /** "used to" */
  former: boolean;
};

const MODALS = new Set(["will", "would", "could", "can", "should", "might", "may", "must", "shall"]);
const PARTICLES = new Set(["up", "in", "on", "with", "out", "off", "over", "for", "into", "onto", "down", "back", "ahead", "away", "around", "through"]);
// Words tagged otherwise that still sit inside a verb group: "would much prefer", "could honestly eat".
const GROUP_ADVERBS = new Set(["much", "far", "really", "so", "rather", "still", "just", "also", "definitely", "probably", "always", "honestly", "literally", "totally", "kinda", "already", "finally", "actually", "only", "even", "usually"]);

/** Reads the verb group that starts at `at`: its main verb, tense, modality and negation. */
export function readVerbGroup(terms: Term[], at: number): VerbGroup | null {
  const group: Omit<VerbGroup, "main" | "lemma" | "end"> = { at, modal: null, negated: false, perfect: false, progressive: false, past: false, future: false, passive: false, obligation: false, former: false };
  let seenBe = false;
  let seenHave = false;
  for (let i = at; i < terms.length; i++) {
    const t = terms[i]!;
    const n = t.normal;
    if (n === "not" || n === "never" || t.tags.has("Negative")) {
      group.negated = true;
      continue;
    }
    if (MODALS.has(n) || t.tags.has("Modal")) {
      group.modal ??= n;
      if (n === "will" || n === "shall") group.future = true;
      if (["must", "should"].includes(n)) group.obligation = true;
      continue;
    }
    if ((t.tags.has("Adverb") && !t.tags.has("Verb")) || GROUP_ADVERBS.has(n)) continue;
    if (["am", "is", "are", "was", "were", "be", "been", "being"].includes(n)) {
      const next = nextWord(terms, i + 1);
      const after = next ? terms.indexOf(next) : -1;
      // "is going to be", "am going to move": the future, whatever compromise tagged "going" as.
      if (next?.normal === "going" && terms[after + 1]?.normal === "to" && (terms[after + 2]?.tags.has("Verb") || terms[after + 2]?.tags.has("Copula"))) {
        if (n === "was" || n === "were") group.past = true;
        group.future = true;
        i = after + 1;
        continue;
      }
      if (n === "was" || n === "were") group.past = true;
      if (n === "been" && seenHave) group.perfect = true;
      // "the car's getting sold", "is getting fixed": a passive made with "get", in progress.
      if (next && ["getting", "get", "got"].includes(next.normal) && after >= 0 && (terms[after + 1]?.tags.has("Participle") || terms[after + 1]?.tags.has("PastTense"))) {
        if (next.normal === "getting") group.progressive = true;
        group.passive = true;
        seenBe = true;
        i = after;
        continue;
      }
      if (next && next.tags.has("Gerund")) {
        if (next.normal === "going" && terms[terms.indexOf(next) + 1]?.normal === "to" && terms[terms.indexOf(next) + 2]?.tags.has("Verb")) {
          group.future = true;
          i = terms.indexOf(next) + 1;
          continue;
        }
        group.progressive = true;
        seenBe = true;
        continue;
      }
      if (next && (next.tags.has("Participle") || (next.tags.has("PastTense") && !next.tags.has("Adjective"))) && !["got"].includes(next.normal) && !next.tags.has("Gerund")) {
        group.passive = true;
        seenBe = true;
        continue;
      }
      return { ...group, main: t, lemma: "be", end: i + 1 };
    }
    if (["have", "has", "had"].includes(n)) {
      const next = nextWord(terms, i + 1);
      if (next && (next.normal === "to" || next.normal === "got") && terms[terms.indexOf(next) + 1]?.normal === "to") {
        group.obligation = true;
        i = terms.indexOf(next) + (next.normal === "got" ? 1 : 0);
        continue;
      }
      if (next?.normal === "to") {
        group.obligation = true;
        i = terms.indexOf(next);
        continue;
      }
      if (next && next.normal === "got") return { ...group, main: t, lemma: "have", end: terms.indexOf(next) + 1 };
      if (next && (next.tags.has("Participle") || next.tags.has("PastTense") || next.normal === "been")) {
        group.perfect = true;
        seenHave = true;
        if (n === "had") group.past = true;
        continue;
      }
      if (n === "had") group.past = true;
      return { ...group, main: t, lemma: "have", end: i + 1 };
    }
    if (["do", "does", "did"].includes(n)) {
      const next = nextWord(terms, i + 1);
      if (next && (next.normal === "not" || next.normal === "never" || next.tags.has("Verb") || next.normal === "like")) {
        if (n === "did") group.past = true;
        continue;
      }
      return { ...group, main: t, lemma: "do", end: i + 1, past: n === "did" };
    }
    // "got tested", "getting married": a passive made with "get".
    if (["get", "got", "gets", "getting", "gotten"].includes(n) && terms[i + 1] && (terms[i + 1]!.tags.has("Participle") || (terms[i + 1]!.tags.has("PastTense") && terms[i + 1]!.normal.endsWith("ed")))) {
      group.passive = true;
      if (n === "got") group.past = true;
      continue;
    }
    if (n === "used" && terms[i + 1]?.normal === "to") {
      group.former = true;
      group.past = true;
      i++;
      continue;
    }
    if (n === "going" && terms[i + 1]?.normal === "to" && terms[i + 2]?.tags.has("Verb")) {
      group.future = true;
      i++;
      continue;
    }
    if (["need", "needs", "needed"].includes(n) && terms[i + 1]?.normal === "to") {
      group.obligation = true;
      i++;
      continue;
    }
    // compromise tags "like" in "do not like" as a preposition, and some verbs after "I" as nouns.
    // The first word after the subject (past "never", "always", modals) is the verb even when the tagger says noun: "I never take night flights".
    const firstWord = terms.slice(at, i).every((w) => w.normal === "not" || w.normal === "never" || w.tags.has("Negative") || MODALS.has(w.normal) || (w.tags.has("Adverb") && !w.tags.has("Verb")) || GROUP_ADVERBS.has(w.normal));
    const verbish = t.tags.has("Verb") || (n === "like" && i > at) || (firstWord && !t.tags.has("Determiner") && !t.tags.has("Preposition") && !t.tags.has("Pronoun") && !t.tags.has("Adjective") && !t.tags.has("Value"));
    if (!verbish) return null;
    if (t.tags.has("PastTense") && !seenBe && !seenHave) group.past = true;
    // "doing a placement year", "going with Starling": the "-ing" with the user left out is progressive.
    if ((t.tags.has("Gerund") || (i === at && /ing$/.test(n) && n.length > 5)) && !seenBe) group.progressive = true;
    const lemma = n === "like" ? "like" : verbInfinitive(t);
    let end = i + 1;
    if (terms[end]?.tags.has("Particle") || (PARTICLES.has(terms[end]?.normal ?? "") && terms[end]?.tags.has("PhrasalVerb"))) end++;
    return { ...group, main: t, lemma, end };
  }
  return null;
}

function nextWord(terms: Term[], from: number): Term | undefined {
  for (let i = from; i < terms.length; i++) {
    const t = terms[i]!;
    if (t.normal === "not" || t.normal === "never" || (t.tags.has("Adverb") && !t.tags.has("Verb"))) continue;
    return t;
  }
  return undefined;
}

