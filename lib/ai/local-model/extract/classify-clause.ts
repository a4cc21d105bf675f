import { classifyFragment, selfLabels, splitStandingList } from "./classify-fragment";
import { readTerseLabel } from "./read-terse-label";
import { classifyPossessive } from "./classify-possessive";
import { addressedAs, classifyRequest } from "./classify-request";
import { classifySelf } from "./classify-self";
import { classifyReordered, classifyThing } from "./classify-thing";
import { hasDate, textOf } from "./clause-tests";
import { DECISION_VERBS, FAVOURITE, KIN, PETS } from "./lexicon";
import { joinTerms, type Term } from "./parse-sentences";
import { mapPronouns, phraseAboutUser, phraseNote, tidy, trimTail } from "./phrase-memory";
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
  if (verb.lemma === "be" && /^(definitely |now |still |really |totally )*(my|our) /.test(restText) && rest.some((t) => FAVOURITE.has(t.normal) || ["thing", "jam", "go-to"].includes(t.normal))) {
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

/** "I have a golden retriever, his name is Biscuit": the name given to a pet or relative the clause before mentioned. */
function namedFromBefore(reading: ClauseReading, previous: ClauseReading | null): Verdict | null {
  const body = reading.body;
  const named = /^(his|her|their|its) names? (is|was|is just) /.exec(textOf(body));
  if (!named || !previous || !["self", "implied"].includes(previous.subject) || previous.verb?.lemma !== "have") return null;
  const name = body.slice(named[0].trim().split(" ").length).filter((t) => !["btw", "lol"].includes(t.normal));
  if (name.length === 0 || name.length > 3 || !name.every((t) => /^[A-Z]/.test(t.text))) return null;
  const head = previous.rest.findIndex((t) => PETS.has(t.normal) || KIN.has(t.normal));
  if (head < 0) return null;
  return keep({ content: tidy(`User has ${mapPronouns(previous.rest.slice(0, head + 1))}, ${joinTerms(name)}`), type: "fact", importance: 0.7, identity: true });
}

// Verbs whose "to …" complement is what was chosen: "decided to sell the car and bike to work".
const CHOICE_FRAMES = new Set(["decide", "choose", "agree", "commit", "plan", "vow", "resolve", "opt"]);

/** "… decided to sell my car and bike to work": a bare verb coordinated under "decided to" is chosen too. */
function sharedChoiceFrame(reading: ClauseReading, previous: ClauseReading | null): Verdict | null {
  const verb = reading.verb;
  if (!reading.clause.sharesSubject || !previous?.verb || !verb || !["self", "implied", "we"].includes(reading.subject)) return null;
  // "I'm quitting my gym and just running outside instead": what the user does instead of what they drop is chosen too.
  const dropped = DECISION_VERBS.has(previous.verb.lemma) && (previous.verb.progressive || previous.verb.future) && !previous.verb.negated;
  if (dropped && /\binstead\b/.test(textOf(reading.body)) && (verb.progressive || verb.future || reading.elided || reading.subject === "implied") && !verb.past) {
    return keep({ content: phraseAboutUser(reading), type: "decision", importance: 0.8 });
  }
  if (!CHOICE_FRAMES.has(previous.verb.lemma) || previous.verb.negated || previous.rest[0]?.normal !== "to") return null;
  const main = verb.main;
  if (verb.past || verb.progressive || verb.perfect || verb.modal || main.tags.has("PastTense") || main.tags.has("Gerund") || /[^s]s$/.test(main.normal)) return null;
  const said = textOf(previous.body.slice(previous.verb.at, previous.verb.end));
  const frame = /^(have|has) /.test(said) ? `has ${previous.verb.main.normal}` : previous.verb.main.normal;
  return keep({ content: tidy(`User ${frame} to ${mapPronouns(trimTail(reading.body.slice(verb.at)))}`), type: "decision", importance: 0.8 });
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
  const terse = ["fragment", "request", "implied"].includes(reading.subject) ? readTerseLabel(reading, sentence, cues.others) : [];
  if (terse.length > 0) return terse;
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
    case "fragment": {
      const list = splitStandingList(reading, sentence);
      return list.length > 0 ? list : [classifyFragment(reading, cues, sentence, previous)];
    }
    case "dummy":
      return [classifyPointer(reading, cues, previous)];
    case "you":
      return [skip("subject: you")];
    case "other":
      return [namedFromBefore(reading, previous) ?? skip("subject: other")];
    default:
  }
  const framed = sharedChoiceFrame(reading, previous);
  if (framed) return [framed];
  if (reading.subject === "possessive") return [classifyPossessive(reading, cues)];
  if (reading.subject === "thing") return [classifyThing(reading, cues, sentence)];
  return classifySelf(reading, cues, sentence);
}
