import { ABSTRACT_POSSESSIONS, HEDGE_WORDS, KIN, PASSING_STATES, PETS } from "./lexicon";
import type { Term } from "./parse-sentences";
import type { ClauseReading } from "./read-clause";

// Small tests on the words of a clause that several rule families share.

export const has = (terms: Term[], set: Set<string>) => terms.some((t) => set.has(t.normal));
export const textOf = (terms: Term[]) => terms.map((t) => t.normal).join(" ");

/** Words that stand in for a noun without naming anything: "the only one", "anything". */
export const NON_CONTENT = new Set(["one", "ones", "thing", "things", "stuff", "lot", "bit", "way", "time", "it", "that", "this", "something", "anything", "everything", "nothing", "all", "both", "same", "kind", "sort", "here", "there", "person", "last", "next", "past", "previous", "other"]);
const UNRESOLVED = new Set(["it", "them", "they", "this", "these", "those", "he", "she", "him", "her", "his", "that"]);
const INTENSIFIERS = new Set(["not", "so", "really", "very", "super", "pretty", "totally", "quite", "rather", "extremely", "incredibly", "absolutely", "completely", "too", "bit", "a", "little", "kind", "of", "kinda", "sort", "literally", "properly", "fully", "utterly", "just", "still", "feeling", "getting", "being", "way", "low", "lowkey", "honestly", "all", "dead", "proper"]);
const MONTH_NAMES = /^(jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december)$/;
const RELATIVE_DAYS = new Set(["today", "tonight", "tomorrow", "yesterday", "now", "week", "weekend", "month", "year", "day", "morning", "evening", "night", "afternoon"]);

/** A calendar date or time: "3 March", "Thursday", "the 14th", "9:30", "10am" (not "today" or "next week"). */
export function isDate(t: Term, i = -1, terms: Term[] = []): boolean {
  if (t.tags.has("Month") || t.tags.has("WeekDay")) return true;
  // "June 30", "3 May": a month name next to a number, even when tagged as a name.
  if (MONTH_NAMES.test(t.normal) && (/^\d/.test(terms[i - 1]?.normal ?? "") || /^\d/.test(terms[i + 1]?.normal ?? "") || terms[i - 1]?.normal === "the")) return true;
  // "Global Entry expires 2028", "due by 2027": a year after a word of time is a date.
  if (/^(19|20)\d\d$/.test(t.normal) && /^(in|by|until|till|since|from|before|after|of|expires?|expired|expiring|renews?|renewed|due|ends?|runs?|valid|through)$/.test(terms[i - 1]?.normal ?? "")) return true;
  if (/^\d{1,2}(st|nd|rd|th)$/.test(t.normal) || /^\d{1,2}(:\d\d)?(am|pm)$/.test(t.normal) || /^\d{1,2}:\d\d$/.test(t.normal)) return true;
  return t.tags.has("Date") && !t.tags.has("Duration") && !RELATIVE_DAYS.has(t.normal);
}
export const hasDate = (terms: Term[]) => terms.some((t, i) => isDate(t, i, terms));

/** The words that name something: nouns, adjectives, numbers, names, main verbs; not pronouns, dates or pro-forms. */
export const contentWords = (terms: Term[]) =>
  terms.filter(
    (t) =>
      !NON_CONTENT.has(t.normal) &&
      !ABSTRACT_POSSESSIONS.has(t.normal) &&
      !["Pronoun", "Possessive", "Date", "Duration", "Particle", "Preposition", "Determiner"].some((tag) => t.tags.has(tag)) &&
      (t.tags.has("Noun") || t.tags.has("Adjective") || t.tags.has("Value") || t.tags.has("ProperNoun") || t.tags.has("Gerund") || (t.tags.has("Verb") && !t.tags.has("Auxiliary") && !t.tags.has("Copula"))),
  );

/**
 * A pronoun in the rest with nothing before it in the clause to point at: "get them mixed up",
 * "love that", "is her deputy"; not "two cats and love them", "my sister and her kids".
 */
export function unresolvedPronoun(rest: Term[]): Term | null {
  for (let i = 0; i < rest.length; i++) {
    const t = rest[i]!;
    // "IT" the department is not "it" the pronoun.
    if (!UNRESOLVED.has(t.normal) || /^[A-Z]{2,}$/.test(t.text)) continue;
    const before = rest.slice(0, i);
    if (["he", "she", "him", "her", "his"].includes(t.normal)) {
      if (!before.some((b) => b.tags.has("Person") || b.tags.has("FirstName") || KIN.has(b.normal) || PETS.has(b.normal))) return t;
      continue;
    }
    if (t.normal === "that" && (before.at(-1)?.tags.has("Noun") || rest[i + 1]?.tags.has("Verb") || rest[i + 1]?.tags.has("Pronoun"))) continue;
    if (["that", "this", "these", "those"].includes(t.normal) && rest[i + 1] && (rest[i + 1]!.tags.has("Noun") || rest[i + 1]!.tags.has("Adjective"))) continue;
    if (!before.some((b) => b.tags.has("Noun") && !b.tags.has("Pronoun"))) return t;
  }
  return null;
}

/** "so stressed", "a bit anxious", "completely wiped": a mood, not a trait. */
export function passingState(rest: Term[]): boolean {
  const at = rest.findIndex((t) => !INTENSIFIERS.has(t.normal));
  const first = rest[at];
  // "off caffeine", "back in Leeds": a state with a thing after it says more than a mood.
  if (first && ["off", "back", "away"].includes(first.normal) && rest[at + 1]?.tags.has("Noun") && !["work", "sick"].includes(rest[at + 1]!.normal)) return false;
  return first !== undefined && PASSING_STATES.has(first.normal);
}

/** Hedges inside the claim before its first comma: "I'm maybe allergic", "might take a gap year". */
export function hedgeCount(reading: ClauseReading): number {
  let count = reading.leads.hedges;
  const { body } = reading;
  const comma = body.findIndex((t) => /,/.test(t.post));
  const scope = comma >= 0 ? body.slice(0, comma + 1) : body;
  for (const t of scope) {
    if (!HEDGE_WORDS.has(t.normal)) continue;
    // "may" in "on 5 May" is a month, not a hedge.
    if (t.normal === "may" && (t.tags.has("Month") || t.tags.has("Date") || !t.tags.has("Modal"))) continue;
    count++;
  }
  if (/\b(leaning|thinking (about|of)|considering|toying with|tempted)\b/.test(textOf(body))) count++;
  if (reading.verb?.modal && ["might", "may"].includes(reading.verb.modal)) count = Math.max(count, 1);
  if (/\bcould be\b/.test(textOf(body))) count = Math.max(count, 1);
  return count;
}

/** The head noun of a noun phrase: its last noun. */
export const headOf = (phrase: Term[]) => [...phrase].reverse().find((t) => t.tags.has("Noun") && !t.tags.has("Pronoun") && !t.tags.has("Possessive"));

/** A person's name in the phrase: capitalised as a name, or a number that counts them ("three grandkids"). */
export const namedOrCounted = (phrase: Term[]) =>
  phrase.some((t) => ((t.tags.has("FirstName") || t.tags.has("Person") || t.tags.has("ProperNoun")) && /^[A-Z]/.test(t.text)) || t.tags.has("Value"));
