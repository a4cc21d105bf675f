import { joinTerms, type Term } from "./parse-sentences";

const FAVOURITE = new Set(["favourite", "favorite", "fav", "fave", "preferred"]);
// Emphasis between the verb and "my": "is hands down my favourite", "is easily my favourite".
const EMPHASIS = new Set(["hands", "down", "definitely", "easily", "by", "far", "probably", "still", "absolutely", "really", "truly", "honestly", "always", "just"]);
const NOT_A_THING = new Set(["it", "that", "this", "those", "these", "they", "which", "what", "who", "he", "she", "i", "my", "there", "here"]);

/**
 * Turns a subject-first favourite, "Dumplings are hands down my favourite food", into the
 * self-first order the rest of the rules read: "My favourite food is Dumplings". Returns null
 * when the sentence does not have that shape (or its subject is a pronoun with no referent).
 */
export function reorderFavourite(terms: Term[]): string | null {
  const my = terms.findIndex((t, i) => t.normal === "my" && FAVOURITE.has(terms[i + 1]?.normal ?? ""));
  if (my < 2) return null;
  let verb = my - 1;
  while (verb > 0 && EMPHASIS.has(terms[verb]!.normal)) verb--;
  const copula = terms[verb]!;
  if (!copula.tags.has("Copula") || verb < 1 || my - verb > 4) return null;
  const subject = terms.slice(0, verb);
  if (subject.some((t) => NOT_A_THING.has(t.normal) || t.tags.has("Verb")) || subject.length > 6) return null;
  // The favourite's noun phrase ends at the first comma or conjunction: "my favourite food, by far".
  let end = my + 2;
  while (end < terms.length && !/[,;]/.test(terms[end - 1]!.post) && !terms[end]!.tags.has("Conjunction") && !terms[end]!.tags.has("Preposition")) end++;
  const what = joinTerms(terms.slice(my + 1, end));
  const thing = joinTerms(subject);
  const lead = subject[0]!.tags.has("ProperNoun") || subject[0]!.tags.has("Acronym") ? thing : thing.charAt(0).toLowerCase() + thing.slice(1);
  return `My ${what} is ${lead}`;
}
