import nlp from "compromise";

/** One word as compromise tagged it, with contractions already expanded ("I'm" → "I", "am"). */
export type Term = {
  text: string;
  normal: string;
  tags: Set<string>;
  /** Punctuation and whitespace after the word, e.g. ", " */
  post: string;
};

export type Sentence = {
  text: string;
  terms: Term[];
  isQuestion: boolean;
};

type RawTerm = { text?: string; normal?: string; tags?: string[]; post?: string };
type RawSentence = { text?: string; terms?: RawTerm[] };

// Very long messages (pasted documents) would make tagging slow; what the user says about
// themselves comes in the first few sentences.
const MAX_CHARS = 1500;

/**
 * Splits text into tagged sentences with compromise, expanding contractions so that the
 * rewriting rules only ever see "I am", "do not", "I have".
 */
export function parseSentences(text: string): Sentence[] {
  const clipped = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  if (clipped.trim() === "") return [];
  const cached = recent.get(clipped);
  if (cached) return cached;
  const parsed = tag(clipped);
  // Each model step re-reads the same user message several ways; parsing is the costly part.
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  recent.set(clipped, parsed);
  return parsed;
}

const RECENT_LIMIT = 200;
const recent = new Map<string, Sentence[]>();

function tag(clipped: string): Sentence[] {
  const doc = nlp(clipped);
  doc.contractions().expand();
  const raw = doc.json({ terms: { normal: true, tags: true, whitespace: true, text: true } }) as RawSentence[];
  return raw.map((sentence) => {
    const terms = (sentence.terms ?? []).map((t) => ({
      text: t.text ?? "",
      normal: (t.normal ?? "").toLowerCase(),
      tags: new Set(t.tags ?? []),
      post: t.post ?? " ",
    }));
    const sentenceText = (sentence.text ?? "").trim();
    return { text: sentenceText, terms, isQuestion: looksLikeQuestion(terms) };
  });
}

const AUX_OPENERS = new Set(["do", "does", "did", "can", "could", "would", "will", "should", "shall", "is", "are", "am", "was", "were", "have", "has", "may", "might"]);

/**
 * A question by its shape, from compromise's tags: a question mark, a question word followed
 * by a verb ("where do I live"), or an inverted auxiliary ("do you know my name"). compromise's
 * own questions() gives the same answers here but grows quadratically with sentence count.
 */
function looksLikeQuestion(terms: Term[]): boolean {
  const [first, second] = terms;
  if (!first) return false;
  if (terms.at(-1)!.post.includes("?")) return true;
  if (first.tags.has("QuestionWord") || ["what", "where", "who", "why", "how", "which", "whose"].includes(first.normal)) {
    return second !== undefined && (second.tags.has("Verb") || ["many", "much", "old", "long", "often", "far"].includes(second.normal));
  }
  return AUX_OPENERS.has(first.normal) && second !== undefined && second.normal !== "not" && (second.tags.has("Pronoun") || second.tags.has("Noun"));
}

/** Joins terms back into text, keeping inner punctuation and dropping the final one. */
export function joinTerms(terms: Term[]): string {
  return terms
    .map((t, i) => (i === terms.length - 1 ? t.text : t.text + t.post))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}
