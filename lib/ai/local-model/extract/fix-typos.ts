import { loadWordTable } from "@/lib/embeddings/load-word-table";

// The words the clause rules turn on. A word the user misspelled ("decidd", "perfer", "alergic")
// is read as one of these when it is one edit away from exactly one of them and is not itself an
// English word (not among the offline word table's 50,000 commonest), so "fever" stays "fever".
const TARGETS = (
  "decide decided decides deciding decision prefer prefers preferred preference always never forever forward " +
  "remember forget favourite favorite allergic allergy vegetarian vegan definitely probably actually " +
  "married divorced engaged moved moving switched switching started starting quit quitting stopped " +
  "living working studying learning training daughter brother sister husband girlfriend boyfriend " +
  "partner mother father parents children grandmother grandfather anymore usually every weekend " +
  "birthday appointment tomorrow tonight schedule scheduled booked planning planned going because " +
  "instead answers replies responses metric imperial celsius fahrenheit breakfast dinner lunch " +
  "diabetes diabetic gluten lactose intolerant pescatarian retired engineer teacher nurse doctor"
)
  .split(" ");

/** Damerau-Levenshtein distance of at most one: one insertion, deletion, substitution or swap. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** The text with each misspelling of a rule word replaced by that word, keeping its capital. */
export function fixTypos(text: string): string {
  const table = loadWordTable();
  return text.replace(/\p{L}{5,}/gu, (word, offset: number) => {
    const lower = word.toLowerCase();
    if (table.find(lower) >= 0) return word;
    // A capital inside a sentence marks a name ("Tomasz", "Hetzner"), not a typo.
    const startsSentence = /(^|[.!?])\s*$/.test(text.slice(0, offset));
    if (/^\p{Lu}/u.test(word) && !startsSentence) return word;
    const candidates = TARGETS.filter((t) => Math.abs(t.length - lower.length) <= 1 && withinOneEdit(lower, t));
    // A dropped letter is the commonest slip: "decidd" is "decided" rather than "decide".
    const dropped = candidates.filter((t) => t.length === lower.length + 1);
    const fixed = candidates.length === 1 ? candidates[0] : dropped.length === 1 ? dropped[0] : undefined;
    if (!fixed) return word;
    return /^\p{Lu}/u.test(word) ? fixed.charAt(0).toUpperCase() + fixed.slice(1) : fixed;
  });
}
