import { NON_CONTENT } from "./clause-tests";
import { ABSTRACT_POSSESSIONS, CHAT_THINGS } from "./lexicon";
import { mapPronouns } from "./phrase-memory";
import type { Term } from "./parse-sentences";
import type { ClauseReading } from "./read-clause";

const NP_PARTS = ["Noun", "Adjective", "Determiner", "Possessive", "Value", "ProperNoun"];

/** The last noun phrase in a run of terms that a pronoun can stand for: plural for "them", any for "it". */
export function lastNounPhrase(terms: Term[], plural: boolean): Term[] | null {
  for (let end = terms.length - 1; end >= 0; end--) {
    const head = terms[end]!;
    // "sport climbing": a gerund after a noun heads a noun phrase too.
    const gerundHead = head.tags.has("Gerund") && terms[end - 1]?.tags.has("Noun");
    if ((!head.tags.has("Noun") && !gerundHead) || head.tags.has("Pronoun") || head.tags.has("Date") || head.tags.has("Duration") || ABSTRACT_POSSESSIONS.has(head.normal) || CHAT_THINGS.has(head.normal) || NON_CONTENT.has(head.normal)) continue;
    if (plural && !head.tags.has("Plural") && !head.tags.has("ProperNoun")) continue;
    let start = end;
    while (start > 0 && NP_PARTS.some((tag) => terms[start - 1]!.tags.has(tag)) && !terms[start - 1]!.tags.has("Pronoun") && !NON_CONTENT.has(terms[start - 1]!.normal) && !["more", "less", "most"].includes(terms[start - 1]!.normal) && !/[,;:]/.test(terms[start - 1]!.post)) start--;
    return terms.slice(start, end + 1);
  }
  return null;
}

/**
 * "olives though?? love them" → "User loves olives"; "YNAB won. We'll start using it" →
 * "User will start using YNAB": an object pronoun in a preference or decision stands for the
 * last matching noun phrase of the clauses just before. Returns null when there is none.
 */
export function resolvePronoun(options: { memory: { content: string; pronoun: Term | null }; items: ClauseReading[]; at: number }): { content: string; from: number } | null {
  const pronoun = options.memory.pronoun;
  if (!pronoun || !["it", "them", "this", "these", "those"].includes(pronoun.normal)) return null;
  const plural = pronoun.normal !== "it" && pronoun.normal !== "this";
  for (let i = options.at - 1; i >= Math.max(0, options.at - 3); i--) {
    const item = options.items[i];
    if (!item) continue;
    // The topic of the clause before comes first ("Sushi is my favourite food, I could eat it every day"), then its last noun.
    const topic = item.subject === "thing" && item.subjectTerms.some((t) => t.tags.has("Noun") && (!plural || t.tags.has("Plural"))) ? item.subjectTerms : null;
    const phrase = topic ?? lastNounPhrase(item.body, plural);
    if (!phrase) continue;
    const said = mapPronouns(phrase);
    const pattern = new RegExp(`\\b${pronoun.text}\\b(?!.*\\b${pronoun.text}\\b)`);
    return { content: options.memory.content.replace(pattern, said), from: i };
  }
  return null;
}
