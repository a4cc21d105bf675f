import { joinTerms, type Term } from "./parse-sentences";

const FAVOURITE = new Set(["favourite", "favorite", "fav", "fave", "preferred"]);
// Emphasis between the verb and "my": "is hands down my favourite", "is easily my favourite".
const EMPHASIS = new Set(["hands", "down", "definitely", "easily", "by", "far", "probably", "still", "absolutely", "really", "truly", "honestly", "always", "just"]);
const isModifier = (t: Term) => t.tags.has("Adjective") || t.tags.has("Hyphenated") || t.tags.has("Adverb");
const NOT_A_THING = new Set(["it", "that", "this", "those", "these", "they", "which", "what", "who", "he", "she", "i", "my", "there", "here"]);

/**
 * Turns a subject-first favourite, "Dumplings are hands down my favourite food", into the
 * self-first order the rest of the rules read: "My favourite food is Dumplings". Returns null
 * when the sentence does not have that shape (or its subject is a pronoun with no referent).
 */
export function reorderFavourite(terms: Term[]): string | null {
  // "my favourite", "my all-time favourite", "my absolute favourite"
  const my = terms.findIndex((t, i) => t.normal === "my" && [1, 2, 3].some((k) => FAVOURITE.has(terms[i + k]?.normal ?? "") && terms.slice(i + 1, i + k).every(isModifier)));
  if (my < 2) return null;
  let verb = my - 1;
  while (verb > 0 && EMPHASIS.has(terms[verb]!.normal)) verb--;
  const copula = terms[verb]!;
  if (!copula.tags.has("Copula") || verb < 1 || my - verb > 4) return null;
  const subject = terms.slice(0, verb);
  if (subject.some((t) => NOT_A_THING.has(t.normal) || t.tags.has("Verb")) || subject.length > 6) return null;
  // The favourite's noun phrase ends at the first comma or conjunction: "my favourite food, by far".
  let end = terms.findIndex((t, i) => i > my && FAVOURITE.has(t.normal)) + 1;
  // "my favourite thing to cook" keeps its "to cook".
  const continues = (t: Term, i: number) => !t.tags.has("Conjunction") && !t.tags.has("Preposition") || (t.normal === "to" && terms[i + 1]?.tags.has("Verb"));
  while (end < terms.length && !/[,;]/.test(terms[end - 1]!.post) && continues(terms[end]!, end)) end++;
  const what = joinTerms(terms.slice(my + 1, end));
  const thing = joinTerms(subject);
  const lead = subject[0]!.tags.has("ProperNoun") || subject[0]!.tags.has("Acronym") ? thing : thing.charAt(0).toLowerCase() + thing.slice(1);
  return `My ${what} is ${lead}`;
}
