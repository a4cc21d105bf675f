import { joinTerms, type Term } from "./parse-sentences";

const FAVOURITE = new Set(["favourite", "favorite", "fav", "fave", "preferred"]);
// Emphasis between the verb and "my": "is hands down my favourite", "is easily my favourite".
const EMPHASIS = new Set(["hands", "down", "definitely", "easily", "by", "far", "probably", "still", "absolutely", "really", "truly", "honestly", "always", "just"]);
const NOT_A_THING = new Set([
  "it", "that", "this", "those", "these", "they", "which", "what", "who", "he", "she", "i", "my", "there", "here",
  "nothing", "everything", "something", "anything", "below", "above", "following", "attached", "enclosed", "today", "tomorrow",
]);
// "Below is my question": things of the chat, not of the user's life.
const CHAT_THINGS = new Set(["question", "questions", "code", "essay", "draft", "homework", "bug", "error", "problem", "attempt", "answer", "issue", "cv", "resume", "message", "email", "list", "point", "fault", "turn"]);

/**
 * Turns a subject-first statement about something of the user's, "Dumplings are hands down
 * my favourite food" or "Spanish is my first language", into the self-first order the rest of
 * the rules read: "My favourite food is dumplings". Returns null when the sentence does not
 * have that shape (or its subject is a pronoun with no referent).
 */
export function reorderSubjectFirst(terms: Term[]): string | null {
  const my = terms.findIndex((t, i) => t.normal === "my" && i >= 2);
  if (my < 0) return null;
  let verb = my - 1;
  while (verb > 0 && EMPHASIS.has(terms[verb]!.normal)) verb--;
  const copula = terms[verb]!;
  if (!copula.tags.has("Copula") || verb < 1 || my - verb > 4) return null;
  const subject = terms.slice(0, verb);
  if (subject.some((t) => NOT_A_THING.has(t.normal) || t.tags.has("Verb")) || subject.length > 6) return null;
  // The noun phrase ends at a comma or conjunction ("my favourite food, by far"); "my favourite thing to cook" keeps "to cook".
  const continues = (t: Term, i: number) => (!t.tags.has("Conjunction") && !t.tags.has("Preposition")) || (t.normal === "to" && terms[i + 1]?.tags.has("Verb"));
  let end = my + 1;
  while (end < terms.length && !/[,;]/.test(terms[end - 1]!.post) && continues(terms[end]!, end)) end++;
  const phrase = terms.slice(my + 1, end);
  const favourite = phrase.some((t) => FAVOURITE.has(t.normal));
  if (phrase.some((t) => CHAT_THINGS.has(t.normal)) || !subject.some((t) => t.tags.has("Noun") || /^[A-Z]/.test(t.text))) return null;
  if (!favourite && (!phrase.some((t) => t.tags.has("Noun")) || phrase.some((t) => t.tags.has("Verb")))) return null;
  // A short place or time after it belongs to the phrase: "my main language at work".
  const tail = /,/.test(terms[end - 1]!.post) ? [] : terms.slice(end);
  if (tail.some((t) => t.tags.has("Verb")) || tail.length > 4) return null;
  const what = joinTerms([...phrase, ...tail]);
  const thing = joinTerms(subject);
  // Only the capital of a sentence start is dropped: "dumplings", but "Spanish", "Python", "The Hobbit".
  const common = (subject[0]!.tags.has("Plural") || subject[0]!.tags.has("Uncountable")) && !subject[0]!.tags.has("ProperNoun");
  const lead = common ? thing.charAt(0).toLowerCase() + thing.slice(1) : thing;
  return `My ${what} is ${lead}`;
}
