import nlp from "compromise";
import type { Term } from "./parse-sentences";

type VerbMethods = {
  conjugate: (w: string, m: unknown) => Record<string, string> | undefined;
  toInfinitive: (w: string, m: unknown, tense?: string) => string;
};
const verb = (nlp.methods() as { two: { transform: { verb: VerbMethods } } }).two.transform.verb;
const model = nlp.model();
const lexicon = (model as { one?: { lexicon?: Record<string, string> } }).one?.lexicon ?? {};

const BE = new Set(["am", "is", "are", "was", "were", "be", "been", "being"]);

/** The infinitive of a verb form: "lives" → "live", "decided" → "decide", "am" → "be". */
export function verbInfinitive(term: Term): string {
  if (BE.has(term.normal)) return "be";
  if (["has", "had", "having"].includes(term.normal)) return "have";
  if (["does", "did", "doing", "done"].includes(term.normal)) return "do";
  if (term.tags.has("Participle")) {
    const fromParticiple = verb.toInfinitive(term.normal, model, "Participle");
    if (fromParticiple && fromParticiple !== term.normal) return fromParticiple;
  }
  const tense = term.tags.has("PastTense") || term.tags.has("Participle") ? "PastTense" : term.tags.has("Gerund") ? "Gerund" : "PresentTense";
  // "miss", "pass", "guess": a final "ss" is the stem, not a third-person "-s".
  if (tense === "PresentTense" && /ss$/.test(term.normal)) return term.normal;
  return verb.toInfinitive(term.normal, model, tense) || term.normal;
}

/** The third-person singular present of a verb: "prefer" → "prefers", "have" → "has". */
export function thirdPerson(word: string): string {
  const w = word.toLowerCase();
  if (w === "am" || w === "are" || w === "be") return "is";
  if (w === "have") return "has";
  if (w === "do") return "does";
  return verb.conjugate(w, model)?.PresentTense ?? (/(s|sh|ch|x|z|o)$/.test(w) ? `${w}es` : `${w}s`);
}

/** The form a verb takes after "User": "am" → "is", "like" → "likes"; modals and past forms stay. */
export function conjugateForUser(term: Term): string {
  const n = term.normal;
  if (n === "am" || n === "are") return "is";
  if (n === "were") return "was";
  if (n === "have") return "has";
  if (n === "do") return "does";
  if (term.tags.has("Modal") || ["will", "would", "could", "can", "should", "might", "may", "must", "shall", "had", "did", "was"].includes(n)) return term.text;
  if (term.tags.has("PastTense") || term.tags.has("Gerund") || term.tags.has("Participle")) return term.text;
  const known = lexicon[n];
  if (known === "PastTense" || known === "Participle" || /[^e]ed$/.test(n)) return term.text;
  if (verbInfinitive(term) !== n) return term.text;
  return thirdPerson(n);
}
