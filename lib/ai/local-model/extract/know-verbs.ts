import nlp from "compromise";
import type { Term } from "./term";

// What compromise's lexicon knows about verbs, asked once per word and cached.

const verbCache = new Map<string, boolean>();
/** Whether a word can head a verb phrase, asked of compromise in a neutral frame ("I bike it"). */
export function canBeVerb(word: string): boolean {
  if (!/^[a-z][a-z'-]*$/.test(word)) return false;
  const known = verbCache.get(word);
  if (known !== undefined) return known;
  const lexicon = (nlp.model() as { one?: { lexicon?: Record<string, string> } }).one?.lexicon?.[word];
  const json = nlp(`I ${word} it`).json({ terms: { tags: true } }) as { terms: { tags: string[] }[] }[];
  const framed = json[0]?.terms[1]?.tags.includes("Verb") ?? false;
  // compromise forces a verb into any frame; only words its lexicon knows count.
  const result = framed && lexicon !== undefined && /Infinitive|PastTense|Gerund|PresentTense|Verb|Participle|Singular|Actor/.test(lexicon) && !/Uncountable/.test(lexicon);
  verbCache.set(word, result);
  return result;
}

/** "moving", "getting", "running": an "-ing" form of a verb the lexicon knows. */
export function gerundLike(t: Term | undefined): boolean {
  if (!t || !/^[a-z]{3,}ing$/.test(t.normal) || t.tags.has("Noun") && !t.tags.has("Verb")) return false;
  const stem = t.normal.slice(0, -3);
  return [stem, `${stem}e`, stem.replace(/(.)\1$/, "$1")].some((w) => w.length >= 2 && canBeVerb(w));
}
