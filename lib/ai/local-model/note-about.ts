import { mentionsPrivateMatter } from "./mentions-private-matter";
import { joinTerms, type Term } from "./parse-sentences";

/** An explicit "remember that the standup moves to 9:30" about something other than the user: a note. */
export function noteAbout(terms: Term[]): string | null {
  const text = joinTerms(terms);
  const first = terms[0]?.normal;
  // "Remember when we …?" asks about the past; it is not something to note.
  if (terms[0]?.tags.has("QuestionWord") || ["when", "what", "where", "how", "why", "who", "which", "if", "me"].includes(first ?? "")) return null;
  if (!first || first === "i" || first === "we" || terms.length < 3 || !terms.some((t) => t.tags.has("Verb"))) return null;
  // A relative's birthday is fine to note on request; their private matters are not.
  if (mentionsPrivateMatter({ text, terms })) return null;
  if (terms.some((t) => t.tags.has("Pronoun") && !["my", "it", "we", "our"].includes(t.normal))) return null;
  const rewritten = text.replace(/\bmy\b/gi, "User's").replace(/\b(me|I)\b/g, "User");
  return rewritten.charAt(0).toUpperCase() + rewritten.slice(1);
}
