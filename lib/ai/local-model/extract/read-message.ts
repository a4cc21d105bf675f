import { HYPOTHETICAL_LEADS, ONE_OFF, UNDECIDED } from "./lexicon";
import { holdsSecret } from "./mask-secrets";
import { joinTerms, parseSentences, type Term } from "./parse-sentences";
import { readClause, type ClauseReading } from "./read-clause";
import { splitClauses, type Clause } from "./split-clauses";
import type { SentenceCues } from "./verdict";

/** A clause read in its sentence; a withheld one held a secret and is only there for what later clauses point back to. */
export type Item = { clause: Clause; reading: ClauseReading; sentence: SentenceCues; withheld: boolean };

function sentenceCues(terms: Term[], previous: SentenceCues | undefined): SentenceCues {
  const words = terms.map((t) => t.normal);
  const lowered = words.join(" ");
  const first = words.find((w) => !["ah", "oh", "well", "so", "and", "but", "ok", "okay", "pipe", "dream"].includes(w)) ?? "";
  // "I'd appreciate it if …", "if I may", "if you can": politeness, not a hypothetical.
  const polite = /\b(appreciate|like|love|prefer) it if\b|\bif (i may|possible|you can|you could|you don't mind|you do not mind|that's ok|that is ok)\b/.test(lowered);
  const ifWithModal = words.includes("if") && words.some((w) => w === "would" || w === "could" || w === "might") && !polite;
  const hypothetical =
    (HYPOTHETICAL_LEADS.has(first) && !(first === "say" && words[1] === "that") && !(first === "if" && polite)) ||
    (first === "had" && words[1] === "i") ||
    ifWithModal ||
    /\b(what if|let us say|let's say|in that world|one day|someday|some day|pipe dream)\b/.test(lowered) ||
    // "Say the funding comes through. Then we'd …": the frame carries into the next sentence.
    (previous?.hypothetical === true && /^(then|in that case)\b/.test(lowered));
  // Only markers that make every request in the sentence stand: "whenever I ask …", "from now on".
  const lasting = /\b(whenever|every time|from now on|going forward|in future|in the future|for all|for every)\b/.test(lowered);
  const moment = /\b(right now|rn|today|tonight|this (morning|afternoon|evening))\b/.test(lowered);
  return { hypothetical, undecided: UNDECIDED.test(lowered), lasting, oneOff: ONE_OFF.test(lowered), moment, text: lowered };
}

/** A clause without its secret: a trailing ", number 533380006" goes; a secret in the claim itself drops the clause. */
function withoutSecrets(clause: Clause, secretContext: boolean): Clause | null {
  if (!holdsSecret(joinTerms(clause.terms), secretContext)) return clause;
  // Cut at commas and at "and"/"but": "I run a bakery in Bath and pay suppliers with the Amex 3478…".
  const segments: Term[][] = [[]];
  for (const t of clause.terms) {
    if (["and", "but"].includes(t.normal) && segments.at(-1)!.length > 0) segments.push([]);
    segments.at(-1)!.push(t);
    if (/,/.test(t.post)) segments.push([]);
  }
  const clean = segments.filter((s) => s.length > 0 && !holdsSecret(joinTerms(s), secretContext));
  // What is left must be a claim of its own: "… and I work at Initech", not the tail of the secret's sentence.
  const standsAlone = (s: Term[]) => s.some((t) => ["i", "we", "my", "our"].includes(t.normal));
  if (clean.length === 0 || (holdsSecret(joinTerms(segments[0]!), secretContext) && !clean.some(standsAlone))) return null;
  const kept = holdsSecret(joinTerms(segments[0]!), secretContext) ? clean.slice(clean.findIndex(standsAlone)) : clean;
  return { ...clause, terms: kept.flat() };
}

/** Every clause of the message, read, with the sentence it sits in; clauses with a secret are dropped. */
export function readMessage(text: string, secretContext: boolean): { items: Item[]; withheld: boolean } {
  const items: Item[] = [];
  let withheld = false;
  let previousCues: SentenceCues | undefined;
  parseSentences(text).forEach((sentence, index) => {
    const cues = sentenceCues(sentence.terms, previousCues);
    // "give it to me straight. always.": a sentence that is only a standing marker makes the one before it stand.
    if (previousCues && /^(and )?(always|from now on|going forward|for good|every time|in future|forever)$/.test(cues.text.replace(/[^a-z ]/g, "").trim())) previousCues.lasting = true;
    previousCues = cues;
    let previous: ClauseReading | null = null;
    for (const raw of splitClauses(sentence, index)) {
      const clause = withoutSecrets(raw, secretContext);
      if (clause !== raw) withheld = true;
      const reading = readClause(clause ?? raw, previous);
      items.push({ clause: clause ?? raw, reading, sentence: cues, withheld: clause === null });
      previous = reading;
    }
  });
  return { items, withheld };
}

