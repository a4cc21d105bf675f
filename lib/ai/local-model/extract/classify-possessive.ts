import { findThirdPartySensitive } from "@/lib/write-policy/find-third-party-sensitive";
import { stripExpiryWords } from "./classify-self";
import { contentWords, hasDate, hedgeCount, namedOrCounted, passingState, textOf, unresolvedPronoun } from "./clause-tests";
import { ABSTRACT_POSSESSIONS, ACQUAINTANCES, CHAT_THINGS, FAVOURITE, IDENTITY_NOUNS, KIN, LIFE_EVENT_VERBS, MOMENT, PETS, UNIVERSAL_KIN } from "./lexicon";
import { joinTerms, type Term } from "./parse-sentences";
import { phraseAboutPossession, tidy } from "./phrase-memory";
import type { ClauseReading } from "./read-clause";
import { keep, skip, type MessageCues, type Verdict } from "./verdict";

export type PhraseClass = "kin" | "universal-kin" | "pet" | "acquaintance" | "abstract" | "chat" | "identity" | "favourite" | "kin-thing" | "thing";

// Possessions that are part of a life: "my architecture degree is eating me alive" still says the user has one.
const LIFE_THINGS = new Set(["degree", "job", "career", "major", "course", "phd", "masters", "business", "shop", "bakery", "practice", "car", "van", "bike", "house", "flat", "allotment", "garden", "band", "team", "choir", "club"]);
const KIN_PREDICATES = new Set(["be", "live", "work", "study", "teach", "attend", "go", "speak", "run", "own", "play", "have", "come", "call", "name"]);
const SIZE_WORDS = new Set(["little", "big", "older", "younger", "best", "eldest", "youngest", "old", "new", "baby", "twin", "step"]);

/** What "my …" names: family, a pet, someone else, an abstraction, who the user is, or a thing of theirs. */
export function classifyPhrase(phrase: Term[]): PhraseClass {
  const words = phrase.map((t) => t.normal.replace(/'s$/, ""));
  // "my mother-in-law", "my brother-in-law": family by marriage, not the parent everyone has.
  if (/\bin law\b|in-law/.test(words.join(" "))) return "kin";
  const kinAt = words.findIndex((w) => KIN.has(w) || UNIVERSAL_KIN.has(w) || ACQUAINTANCES.has(w));
  // "my sister's birthday", "my mum's recipe": a thing of someone else's.
  if (kinAt >= 0 && phrase.slice(kinAt + 1).some((t) => t.tags.has("Noun") && !t.tags.has("Person") && !t.tags.has("FirstName") && !/^[A-Z]/.test(t.text))) return "kin-thing";
  if (words.some((w) => FAVOURITE.has(w)) || /\bgo to\b/.test(words.join(" "))) return "favourite";
  if (words.some((w) => KIN.has(w))) return "kin";
  if (words.some((w) => UNIVERSAL_KIN.has(w))) return "universal-kin";
  if (words.some((w) => PETS.has(w))) return "pet";
  // "our CFO", "my landlord": people, named by their role.
  const last = phrase.at(-1)!;
  if (words.some((w) => ACQUAINTANCES.has(w)) || (last.tags.has("Actor") && !KIN.has(last.normal) && !PETS.has(last.normal))) return "acquaintance";
  const nouns = phrase.filter((t) => t.tags.has("Noun") && !t.tags.has("Pronoun") && !t.tags.has("Possessive"));
  const head = nouns.at(-1);
  if (!head) return "abstract";
  // "my mind", "my time" are abstractions; "our bin day" is a thing.
  if (ABSTRACT_POSSESSIONS.has(head.normal) && nouns.length === 1) return "abstract";
  if (CHAT_THINGS.has(head.normal)) return "chat";
  if (IDENTITY_NOUNS.has(head.normal) || words.includes("job")) return "identity";
  return "thing";
}

/** "my corgi biscuit", "three grandkids", "my architecture degree": the relation or possession itself. */
export function relationOnly(phrase: Term[]): string | null {
  const words = phrase.slice(1);
  if (words.length < 1) return null;
  const counted = words[0]!.tags.has("Value");
  const text = joinTerms(words);
  const headAt = words.findIndex((t) => KIN.has(t.normal) || PETS.has(t.normal) || UNIVERSAL_KIN.has(t.normal));
  // "my cats miso and tofu": the relation word says whether it is one or several.
  const plural = (headAt >= 0 ? words[headAt]! : words.at(-1)!).tags.has("Plural");
  const article = counted || plural ? "" : /^[aeiou]/i.test(text) ? "an " : "a ";
  const afterHead = headAt >= 0 ? words.slice(headAt + 1) : [];
  if (afterHead.length > 0 && afterHead.every((t) => t.tags.has("FirstName") || t.tags.has("Person") || t.tags.has("ProperNoun") || /^[a-z]+$/.test(t.normal))) {
    return tidy(`User has ${article}${joinTerms(words.slice(0, headAt + 1))}, ${joinTerms(afterHead)}`);
  }
  return tidy(`User has ${article}${text}`);
}

/**
 * "my …" as the subject: family and pets named or counted are part of the user's life (but
 * never their private matters); a thing with a date, or one the user asked to keep, is a note;
 * "my favourite X is Y" is a preference; "my phone's a Pixel 8" a fact.
 */
export function classifyPossessive(reading: ClauseReading, cues: MessageCues): Verdict {
  const verb = reading.verb;
  if (!verb) return skip("no verb");
  const phrase = reading.subjectTerms;
  const kind = classifyPhrase(phrase);
  const rest = reading.rest;
  const clauseText = textOf(reading.body);
  const content = phraseAboutPossession(reading, stripExpiryWords(rest, cues));
  const sensitive = findThirdPartySensitive(content.replace(/^User's/, "Their")) !== null;
  const explicit = reading.leads.explicit || cues.explicit;
  if (kind === "abstract" || kind === "chat" || kind === "acquaintance" || phrase.length < 2) return skip(`possession: ${kind}`);
  if (kind === "favourite") {
    return verb.lemma === "be" && contentWords(rest).length > 0 ? keep({ content, type: "preference", importance: 0.6, hedged: hedgeCount(reading) > 0 }) : skip("favourite without value");
  }
  // "my daughter's name is Aisha": the name of someone of the user's names the relation.
  const nameOf = phrase.findIndex((t) => /^names?$/.test(t.normal));
  if (kind === "kin-thing" && nameOf === phrase.length - 1 && verb.lemma === "be" && !verb.negated && rest.length > 0 && rest.length <= 3 && rest.every((t) => /^[A-Z]/.test(t.text) || t.tags.has("ProperNoun"))) {
    const relation = phrase.slice(1, nameOf).map((t) => ({ ...t, text: t.text.replace(/['’]s$/, "") }));
    const words = joinTerms(relation);
    return keep({ content: tidy(`User has ${/^[aeiou]/i.test(words) ? "an" : "a"} ${words}, ${joinTerms(rest)}`), type: "fact", importance: 0.7, identity: true });
  }
  if (kind === "kin-thing") return (explicit || hasDate(rest)) && !sensitive ? keep({ content, type: "note", importance: 0.6 }) : skip("someone else's thing");
  // What is told of family as theirs to keep: who they are, where they live or work, not what they think or love.
  const lasting = (KIN_PREDICATES.has(verb.lemma) && !verb.progressive && !verb.modal) || (verb.past && LIFE_EVENT_VERBS.has(verb.lemma));
  if (kind === "kin" || kind === "pet" || kind === "universal-kin") {
    const passing = MOMENT.test(clauseText) || /\bjust\b/.test(clauseText) || verb.progressive || passingState(rest) || unresolvedPronoun(rest) !== null;
    if (!sensitive && lasting && !passing && contentWords(rest).length + rest.filter((t) => t.tags.has("Value")).length > 0 && (kind !== "universal-kin" || namedOrCounted(phrase))) return keep({ content, type: "fact", importance: 0.7, identity: true });
    if (kind === "universal-kin" && !namedOrCounted(phrase)) return skip("everyone has parents");
    if (!namedOrCounted(phrase) && !phrase.slice(1).some((t) => !KIN.has(t.normal) && !PETS.has(t.normal) && !SIZE_WORDS.has(t.normal))) return skip("unnamed relation");
    const relation = relationOnly(phrase);
    return relation ? keep({ content: relation, type: "fact", importance: 0.7, identity: true }) : skip("relation");
  }
  if (kind === "identity" && verb.lemma === "be") {
    if (hasDate(rest) && explicit && !/\b(birthday|birth)\b/.test(textOf(phrase))) return keep({ content, type: "note", importance: 0.6 });
    const pronouns = /\bpronouns\b/.test(textOf(phrase));
    return (contentWords(rest).length > 0 || hasDate(rest) || pronouns || rest.some((t) => t.tags.has("Value"))) && !passingState(rest) ? keep({ content, type: "fact", importance: 0.8, hedged: hedgeCount(reading) > 0, identity: true }) : skip("identity without value");
  }
  // "settled something last night: my side project is going on Hetzner": a plan for a thing of the user's, said to be settled.
  if (kind === "thing" && cues.committed && (verb.future || verb.progressive) && !verb.past && contentWords(rest).length > 0) {
    return keep({ content, type: "decision", importance: 0.8 });
  }
  // A thing of the user's: a dated one, or one they asked to keep, is a note; "my phone's a Pixel 8" is a fact.
  const dated = hasDate(reading.body.slice(verb.at));
  if (kind === "thing" && (dated || hasDate(phrase) || explicit)) {
    return contentWords(rest).length > 0 || dated ? keep({ content, type: "note", importance: explicit ? 0.6 : 0.5 }) : skip("empty note");
  }
  if (kind === "thing" && verb.lemma === "be" && rest.some((t) => ["a", "an"].includes(t.normal)) && !passingState(rest) && !MOMENT.test(clauseText)) {
    return keep({ content, type: "fact", importance: 0.6 });
  }
  // "my architecture degree is eating me alive": the possession is the lasting part.
  const head = phrase.at(-1)!;
  if (LIFE_THINGS.has(head.normal) && phrase.length >= 3 && !sensitive) return keep({ content: relationOnly(phrase)!, type: "fact", importance: 0.6 });
  return skip("possession without a claim");
}
