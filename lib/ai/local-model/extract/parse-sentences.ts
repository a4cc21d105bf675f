import nlp from "compromise";
import { gerundLike } from "./know-verbs";
import type { Term } from "./term";

export type { Term };

export type Sentence = {
  text: string;
  terms: Term[];
  isQuestion: boolean;
};

type RawTerm = { text?: string; normal?: string; tags?: string[]; pre?: string; post?: string };
type RawSentence = { text?: string; terms?: RawTerm[] };

// Very long messages (pasted documents) would make tagging slow; what the user says about
// themselves comes in the first few sentences.
const MAX_CHARS = 1500;
const RECENT_LIMIT = 300;
const recent = new Map<string, Sentence[]>();

/**
 * Splits text into tagged sentences with compromise, expanding contractions so that the
 * rules only ever see "I am", "do not", "I have". Results are cached: one model step reads
 * the same message several ways.
 */
export function parseSentences(text: string): Sentence[] {
  const clipped = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  if (clipped.trim() === "") return [];
  const cached = recent.get(clipped);
  if (cached) return cached;
  const parsed = tag(clipped);
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  recent.set(clipped, parsed);
  return parsed;
}

function tag(clipped: string): Sentence[] {
  const doc = nlp(clipped);
  doc.contractions().expand();
  const raw = doc.json({ terms: { normal: true, tags: true, whitespace: true, text: true } }) as RawSentence[];
  return raw.map((sentence) => {
    const terms = (sentence.terms ?? [])
      .map((t) => ({
        text: t.text ?? "",
        normal: (t.normal ?? "").toLowerCase(),
        tags: new Set(t.tags ?? []),
        pre: t.pre ?? "",
        post: t.post ?? " ",
      }))
      .filter((t) => t.text !== "" || t.normal !== "");
    retagParallelGerunds(terms);
    return { text: (sentence.text ?? "").trim(), terms, isQuestion: looksLikeQuestion(terms) };
  });
}

/** "selling the flat and moving to Bristol": an "-ing" word after "and" that goes on an earlier verb in "-ing" is one too, whatever the tagger said. */
function retagParallelGerunds(terms: Term[]): void {
  terms.forEach((t, i) => {
    if (i < 2 || t.tags.has("Verb") || !["and", "or", "then"].includes(terms[i - 1]!.normal) || !terms.slice(0, i - 1).some((w) => w.tags.has("Gerund")) || !gerundLike(t)) return;
    t.tags = new Set([...[...t.tags].filter((tag) => tag !== "Adjective" && tag !== "Noun" && tag !== "Singular"), "Verb", "Gerund", "PresentTense"]);
  });
}

const AUX_OPENERS = new Set(["do", "does", "did", "can", "could", "would", "will", "should", "shall", "is", "are", "am", "was", "were", "have", "has", "may", "might"]);
const LEAD_FILLERS = new Set(["wait", "oh", "ok", "okay", "so", "hey", "um", "umm", "hmm", "and", "but", "also", "btw", "well", "anyway", "right", "quick", "sorry", "oops"]);
/** The terms after the fillers a question may open with: "wait, what's my dog's name again", "ok so where do I …". */
export function afterFillers(terms: Term[]): Term[] {
  let start = 0;
  while (start < terms.length - 2 && LEAD_FILLERS.has(terms[start]!.normal)) start++;
  return terms.slice(start);
}

const QUESTION_WORDS = new Set(["what", "where", "who", "why", "how", "which", "whose", "when"]);

/**
 * A question by its shape: a question mark, a question word followed by a verb ("where do
 * I live"), or an inverted auxiliary ("do you know my name").
 */
export function looksLikeQuestion(terms: Term[]): boolean {
  if (terms.length === 0) return false;
  if (/\?/.test(terms.at(-1)!.post)) return true;
  const [first, second] = afterFillers(terms);
  if (!first) return false;
  if (first.tags.has("QuestionWord") || QUESTION_WORDS.has(first.normal)) {
    return second !== undefined && (second.tags.has("Verb") || ["many", "much", "old", "long", "often", "far"].includes(second.normal));
  }
  return AUX_OPENERS.has(first.normal) && second !== undefined && second.normal !== "not" && (second.tags.has("Pronoun") || second.tags.has("Noun"));
}

/** Joins terms back into text, keeping inner commas, dropping brackets, quotes and end marks. */
export function joinTerms(terms: Term[]): string {
  const last = terms.length - 1;
  return terms
    .map((t, i) => (i > 0 ? t.pre.replace(/[\s()[\]"'‘’“”]/g, "") : "") + t.text + (i < last ? cleanPost(t.post) : ""))
    .join("")
    .replace(/\s+/g, " ")
    .replace(/\s+([,;:])/g, "$1")
    .replace(/[,;:\s]+$/, "")
    .trim();
}

function cleanPost(post: string): string {
  const cleaned = post.replace(/[?!()[\]"'‘’“”]/g, "").replace(/\.+(?=\s|$)/g, "").replace(/\s[-–—]+|[-–—]+\s|[–—]/g, " ");
  return /\s/.test(post) && !/\s/.test(cleaned) ? `${cleaned} ` : cleaned;
}
