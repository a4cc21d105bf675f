import { classifyFragment, selfLabels } from "./classify-fragment";
import { classifyPossessive } from "./classify-possessive";
import { addressedAs, classifyRequest } from "./classify-request";
import { classifySelf } from "./classify-self";
import { classifyReordered, classifyThing } from "./classify-thing";
import { hasDate, textOf } from "./clause-tests";
import { FAVOURITE } from "./lexicon";
import { joinTerms, type Term } from "./parse-sentences";
import { mapPronouns, phraseNote, tidy, trimTail } from "./phrase-memory";
import type { ClauseReading } from "./read-clause";
import { lastNounPhrase } from "./resolve-pronoun";
import { keep, skip, type MessageCues, type SentenceCues, type Verdict } from "./verdict";

/** What "it", "that" stands for at the start of a clause: the subject of the clause before, or its last noun phrase. */
function antecedent(previous: ClauseReading | null): Term[] | null {
  if (!previous) return null;
  if ((previous.subject === "possessive" || previous.subject === "thing") && previous.subjectTerms.length > 0) return previous.subjectTerms;
  return lastNounPhrase(previous.rest.length > 0 ? previous.rest : previous.body, false);
}

/**
 * "that's my favourite now", "that's the one I prefer", "it expires 14 March 2031": a clause
 * whose subject points back to the one before it.
 */
function classifyPointer(reading: ClauseReading, cues: MessageCues, previous: ClauseReading | null): Verdict {
  const verb = reading.verb;
  const before = antecedent(previous);
  if (!verb || !before || !["it", "that", "this"].includes(reading.subjectTerms[0]?.normal ?? "")) return skip("subject: dummy");
  const rest = reading.rest;
  const restText = textOf(rest);
  if (verb.lemma === "be" && /^(definitely |now |still |really )*(my|our) /.test(restText) && rest.some((t) => FAVOURITE.has(t.normal))) {
    const my = rest.findIndex((t) => t.normal === "my" || t.normal === "our");
    const phrase = rest.slice(my).filter((t) => !["now", "again"].includes(t.normal));
    return classifyReordered(phrase, before);
  }
  if (verb.lemma === "be" && /^the one (that )?i (prefer|like|love|want|chose|picked|use)\b/.test(restText)) {
    return keep({ content: `User prefers ${joinTerms(before).replace(/^(my|our)\b/i, "their")}`, type: "preference", importance: 0.6 });
  }
  const explicit = reading.leads.explicit || cues.explicit;
  if (reading.subjectTerms[0]?.normal === "it" && hasDate(rest) && (explicit || previous?.subject === "possessive")) {
    return keep({ content: phraseNote([...before, ...reading.body.slice(1)]), type: "note", importance: explicit ? 0.6 : 0.5 });
  }
  return skip("subject: dummy");
}

/**
 * Decides what a clause is worth remembering, by the shape of the clause (statement, request,
 * fragment), who it is about, its verb class, modality, tense and negation, and what the
 * message and sentence around it say. Returns one verdict per memory (a clause can hold two).
 */
export function classifyClause(reading: ClauseReading, cues: MessageCues, sentence: SentenceCues, previous: ClauseReading | null = null): Verdict[] {
  const clause = reading.clause;
  if (clause.join === "condition") return [skip("condition")];
  // ", which I adore", "although it rains": a side remark, not the claim.
  if (clause.join === "remark") return [skip("remark")];
  if (sentence.hypothetical) return [skip("hypothetical")];
  // "Quick intro:", "Okay, I've made up my mind:": a lead-in says how to read what follows, not a claim.
  if (clause.isLabel) return [skip("label")];
  const labels = selfLabels(reading);
  if (labels.length > 0) return labels;
  // A bracket keeps only a full statement of the user's own: "(I'm a nurse on the wards)", not "(type 2, diagnosed last year)".
  if (clause.join === "aside" && !["self", "we", "possessive"].includes(reading.subject)) return [skip("aside")];
  const name = addressedAs(reading.body);
  if (name && !reading.body.some((t) => ["if", "should", "what"].includes(t.normal))) {
    return [keep({ content: `User prefers to be called ${name}`, type: "preference", importance: 0.8, standing: true })];
  }
  // "the only way I can focus while revising is brown noise": what the user depends on.
  if (/^the only (way|thing|time) (that )?(i|we) /.test(textOf(reading.body)) && reading.body.some((t) => t.tags.has("Copula"))) {
    return [keep({ content: phraseNote(reading.body), type: "preference", importance: 0.6 })];
  }
  // "spreadsheets over slides any day": one thing put over another, for good.
  const overText = textOf(reading.body);
  if (/^[\w' -]+ over [\w' -]+ (any day|every (single )?time|any ?time|always|for me)$/.test(overText) && !/\b(i|we|you|he|she|they)\b/.test(overText)) {
    return [keep({ content: tidy(`User prefers ${mapPronouns(trimTail(reading.body))}`), type: "preference", importance: 0.6 })];
  }
  const requestShape = /^(can|could|would|will) you\b|^please\b/.test(textOf(clause.terms));
  if (clause.isQuestion && !requestShape && reading.subject !== "fragment" && reading.subject !== "request") return [skip("question")];
  switch (reading.subject) {
    case "request":
      return [classifyRequest(reading, cues, sentence)];
    case "fragment":
      return [classifyFragment(reading, cues, sentence)];
    case "dummy":
      return [classifyPointer(reading, cues, previous)];
    case "you":
    case "other":
      return [skip(`subject: ${reading.subject}`)];
    default:
  }
  if (reading.subject === "possessive") return [classifyPossessive(reading, cues)];
  if (reading.subject === "thing") return [classifyThing(reading, cues, sentence)];
  return classifySelf(reading, cues, sentence);
}
