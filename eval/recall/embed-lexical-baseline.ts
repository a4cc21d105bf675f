// The offline embedding before December 2026 (lexical feature hashing only), kept verbatim as the
// "before" of the retrieval benchmark (scripts/bench/bench-recall.ts). Not used by the app.

// The offline embedding: signed feature hashing of normalised word unigrams, word bigrams and
// character trigrams, each group L2-normalised, mixed with fixed weights, then L2-normalised.
// Deterministic and dependency-free, so dedup and search behave the same on every machine.
// It measures lexical overlap, not meaning: a paraphrase scores well only when it shares words.

const GROUP_WEIGHTS = { unigram: 0.6, bigram: 0.3, trigram: 0.5 } as const;

// Function words carry no topic. Negations are deliberately absent: "I like coffee" and
// "I do not like coffee" must not look like duplicates.
const STOPWORDS = new Set(
  ("a an the and or but if then of to in on at by for with from as is are was were be been being am " +
    "i me my mine we our ours you your yours it its this that these those do does did so very really " +
    "just also too user users s")
    .split(" "),
);

export function normaliseForEmbedding(text: string, options: { keepStopwords?: boolean } = {}): string[] {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/n['’]t\b/g, " not")
    .replace(/['’](m|re|ve|ll|d|s)\b/g, "")
    .replace(/['’]/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0 && (options.keepStopwords || !STOPWORDS.has(t)))
    .map(stem);
}

// Strips the commonest English inflections so "prefers"/"preferred"/"prefer" share a unigram.
function stem(token: string): string {
  if (token.length > 5 && token.endsWith("ing")) return token.slice(0, -3);
  if (token.length > 4 && token.endsWith("ed")) return token.slice(0, -2);
  if (token.length > 4 && token.endsWith("es")) return token.slice(0, -2);
  if (token.length > 3 && token.endsWith("s") && !token.endsWith("ss")) return token.slice(0, -1);
  return token;
}

function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // murmur3 finaliser: FNV alone leaves the low bits (the bucket) poorly mixed.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function addFeatures(target: Float64Array, features: string[], weight: number, prefix: string) {
  if (features.length === 0) return;
  const group = new Float64Array(target.length);
  for (const f of features) {
    const h = hash32(prefix + f);
    group[h % target.length]! += h & 0x80000000 ? -1 : 1;
  }
  let norm = 0;
  for (const v of group) norm += v * v;
  if (norm === 0) return;
  const scale = weight / Math.sqrt(norm);
  for (let i = 0; i < group.length; i++) target[i]! += group[i]! * scale;
}

/** Embeds one text into `dimensions` numbers with unit length (all zeros only when it has no letters or digits). */
export function embedLexicalBaseline(options: { text: string; dimensions: number }): number[] {
  // A text made only of function words ("I am") still deserves a vector of its own.
  const content = normaliseForEmbedding(options.text);
  const tokens = content.length > 0 ? content : normaliseForEmbedding(options.text, { keepStopwords: true });
  const vector = new Float64Array(options.dimensions);
  const bigrams = tokens.slice(1).map((t, i) => `${tokens[i]} ${t}`);
  const trigrams: string[] = [];
  for (const t of tokens) {
    const padded = `#${t}#`;
    for (let i = 0; i + 3 <= padded.length; i++) trigrams.push(padded.slice(i, i + 3));
  }
  addFeatures(vector, tokens, GROUP_WEIGHTS.unigram, "u:");
  addFeatures(vector, bigrams, GROUP_WEIGHTS.bigram, "b:");
  addFeatures(vector, trigrams, GROUP_WEIGHTS.trigram, "c:");
  let norm = 0;
  for (const v of vector) norm += v * v;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return Array.from(vector, (v) => v * scale);
}
