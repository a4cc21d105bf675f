// The offline embedding's tokeniser: one normalisation shared by the semantic block (word
// vectors), the polarity dimension and the lexical block (feature hashing). Deterministic and
// dependency-free.

/** Function words: no topic. Negations are deliberately absent ("likes X" vs "does not like X"). */
export const STOPWORDS = new Set(
  ("a an the and or but if then of to in on at by for with from as is are was were be been being am " +
    "i me my mine we our ours you your yours it its this that these those do does did so very really " +
    "just also too user users s")
    .split(" "),
);

/** Negation cues; "no longer", "not anymore" and "don't" all reduce to one of these. */
export const NEGATION_CUES = new Set(["not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "nowhere", "without"]);

/** Cues that a state no longer holds; like "no longer", they count as negation. */
const CESSATION_CUES = new Set(["formerly", "anymore"]);

// Chat spelling without the apostrophe ("dont", "doesnt", "cant"): split like "don't".
const APOSTROPHELESS_NOT = /\b(do|does|did|is|are|was|were|has|have|had|should|would|could|must|need|ca|wo|ai)nt\b/g;

// Cardinal number words are numbers: "six" and "6" are one value, "six" and "eight" are not.
const NUMBER_WORDS = new Map<string, string>([
  ...("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen " +
    "seventeen eighteen nineteen twenty")
    .split(" ")
    .map((w, i) => [w, String(i)] as [string, string]),
  ...["thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"].map((w, i) => [w, String(30 + 10 * i)] as [string, string]),
  ["hundred", "100"],
  ["thousand", "1000"],
  ["million", "1000000"],
]);

/** Lower-cased, accent-stripped word tokens with stopwords kept and nothing stemmed. */
export function rawTokens(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/n['’]t\b/g, " not")
    .replace(/['’](m|re|ve|ll|d|s)\b/g, "")
    .replace(/['’]/g, "")
    .replace(APOSTROPHELESS_NOT, "$1 not")
    .replace(/\bcannot\b/g, "can not")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .map((t) => NUMBER_WORDS.get(t) ?? t);
}

/** Strips the commonest English inflections so "prefers", "preferred" and "prefer" meet. */
export function stem(token: string): string {
  if (token.length > 5 && token.endsWith("ing")) return token.slice(0, -3);
  if (token.length > 4 && token.endsWith("ed")) return token.slice(0, -2);
  if (token.length > 4 && token.endsWith("es")) return token.slice(0, -2);
  if (token.length > 3 && token.endsWith("s") && !token.endsWith("ss")) return token.slice(0, -1);
  return token;
}

/** Content words, stemmed; a text made only of function words ("I am") keeps them all. */
export function lexicalTokens(raw: string[]): string[] {
  const content = raw.filter((t) => !STOPWORDS.has(t));
  return (content.length > 0 ? content : raw).map(stem);
}

/** The lexical tokens of a text: two texts with the same ones say the same thing in the same words. */
export function normaliseForEmbedding(text: string): string[] {
  return lexicalTokens(rawTokens(text));
}

/** True when the statement is negated or says that something no longer holds ("used to", "anymore"). */
export function isNegated(raw: string[]): boolean {
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    if (NEGATION_CUES.has(t) || CESSATION_CUES.has(t)) return true;
    if (t === "used" && raw[i + 1] === "to" && raw[i - 1] !== "is" && raw[i - 1] !== "are" && raw[i - 1] !== "get") return true;
  }
  return false;
}
