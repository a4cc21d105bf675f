import { parseSentences, type Term } from "./extract/parse-sentences";
import { verbInfinitive } from "./extract/conjugate";

// Words that say nothing about the topic of a memory or a request.
const STOP = new Set(
  ("user users i me my mine myself you your we our they their them be have do will would can could should might may " +
    "actually now instead anymore longer not no never just really also still the a an this that these those it its " +
    "what where when which who how remember know forget delete remove erase memory memories about thing things " +
    "please tell something anything everything am is are was were been being going get got")
    .split(" "),
);

// Different words for the same slot of a person's profile: a move replaces where they live.
const SLOTS: string[][] = [
  ["live", "move", "relocate", "reside", "base", "home", "city", "address"],
  ["work", "job", "employ", "employer", "company", "role", "position", "hire"],
  ["vegetarian", "vegan", "pescatarian", "meat", "diet", "eat"],
  ["name", "call"],
  ["age", "old", "year", "birthday", "born"],
  ["marry", "married", "single", "divorce", "partner", "wife", "husband"],
  ["pet", "cat", "dog", "animal", "puppy", "kitten"],
  ["drink", "coffee", "tea", "beer", "wine"],
  ["phone", "iphone", "android", "pixel", "samsung"],
  ["flight", "fly", "train", "appointment", "dentist", "meeting", "date"],
];

function lemmaOf(term: Term): string {
  if (term.tags.has("Verb")) return verbInfinitive(term);
  if (term.tags.has("Plural") && term.normal.endsWith("s") && term.normal.length > 3) return term.normal.replace(/(ies|s)$/, (m) => (m === "ies" ? "y" : ""));
  return term.normal;
}

/** Lemmas of the content words of a text: nouns, names, adjectives, main verbs, numbers. */
export function topicTerms(text: string): string[] {
  const out: string[] = [];
  for (const sentence of parseSentences(text)) {
    for (const term of sentence.terms) {
      const content = ["Noun", "Verb", "Adjective", "Value", "ProperNoun"].some((tag) => term.tags.has(tag));
      const lemma = lemmaOf(term).replace(/[^\p{L}\p{N}'+#.-]/gu, "");
      if (!content || lemma.length < 2 || STOP.has(lemma) || term.tags.has("Pronoun") || term.tags.has("Auxiliary")) continue;
      if (!out.includes(lemma)) out.push(lemma);
    }
  }
  return out;
}

/** The profile slots ("where they live", "their job") a set of lemmas touches. */
export function slotsOf(lemmas: string[]): Set<number> {
  const slots = new Set<number>();
  SLOTS.forEach((words, index) => {
    if (lemmas.some((l) => words.includes(l))) slots.add(index);
  });
  return slots;
}

/** A short search query for a topic, widened with the slot's usual words ("moved" → also "live"). */
export function topicQuery(text: string): string {
  const lemmas = topicTerms(text);
  const widened = [...lemmas];
  for (const slot of slotsOf(lemmas)) widened.push(SLOTS[slot]![0]!);
  return [...new Set(widened)].slice(0, 8).join(" ");
}
