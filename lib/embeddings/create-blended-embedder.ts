import { hash32, writeLexicalBlock, type LexicalGroupWeights } from "@/lib/embeddings/lexical-block";
import { isNegated, lexicalTokens, NEGATION_CUES, rawTokens, stem, STOPWORDS } from "@/lib/embeddings/text-tokens";
import type { WordTable } from "@/lib/embeddings/word-table";

// The offline embedding (model "local/mnemo-blend-v1"): one L2-normalised vector of three blocks,
//   [ wSem * semantic (table.dim = 100) ; ±wNeg polarity (1) ; wLex * lexical (dimensions - 101) ]
// each unit length before weighting, so for two stored vectors
//   cos = (cos_sem + cos_lex ± wNeg²) / (2 + wNeg²):
// an even blend of meaning and wording, nudged by whether both statements have the same polarity.
// - semantic: SIF-weighted average of the table's word vectors (weight a / (a + p(w)), p from the
//   word's frequency rank by Zipf), the table's common component projected out. Numbers and
//   out-of-table words get a hash-seeded ±1/√dim "identity" vector, so a rare name or a number
//   matches itself and not a different one.
// - polarity: -wNeg when the text is negated or says a state no longer holds, +wNeg otherwise.
//   Averaged word vectors cannot see negation; this caps cos("likes X", "does not like X") at
//   (2 - wNeg²) / (2 + wNeg²) = 0.885 (wNeg 0.35) even when every word matches: below 0.92.
// - lexical: feature hashing (lexical-block.ts): names, numbers, rare words and word order.
// A search query uses other weights (qSem, qLex, no polarity): questions share few words with
// the memories that answer them, so they are ranked mostly by meaning.

export type BlendOptions = {
  /** output size: table.dim semantic + 1 polarity + the rest lexical */
  dimensions: number;
  wSem: number;
  wLex: number;
  wNeg: number;
  /** SIF smoothing a (Arora et al. 2017); the table's own value by default, which its common component was computed with */
  sifA: number;
  /** weight of the identity vector of a number or an out-of-table word */
  identityWeight: number;
  lexicalWeights: LexicalGroupWeights;
  /** a search query's block weights (its polarity is 0: negated memories are neither favoured nor penalised) */
  qSem: number;
  qLex: number;
};

export const DEFAULT_BLEND_OPTIONS: BlendOptions = {
  dimensions: 384,
  wSem: 1,
  wLex: 1,
  wNeg: 0.35,
  sifA: 1e-3,
  identityWeight: 1,
  // Bigrams weigh more than in a purely lexical embedding: the semantic block is a bag of words,
  // so word order lives only here ("tea over coffee" vs "coffee over tea").
  lexicalWeights: { unigram: 0.6, bigram: 0.5, trigram: 0.5 },
  qSem: 2,
  qLex: 1,
};

export type BlendedEmbedder = {
  /** A stored memory's vector; also what the duplicate check compares. */
  embed(text: string): number[];
  /** A search query's vector: the same blocks under the query weights. */
  embedQuery(text: string): number[];
};

/** SIF weight of every row: a / (a + p(w)), p(w) = 1 / (rank · H) with H = ln(V) + γ (Zipf). */
export function sifWeights(table: Pick<WordTable, "count" | "vocabularySize" | "ranks">, a: number): Float32Array {
  const harmonic = Math.log(table.vocabularySize) + 0.5772156649;
  const w = new Float32Array(table.count);
  for (let i = 0; i < table.count; i++) w[i] = a / (a + 1 / (table.ranks[i]! * harmonic));
  return w;
}

/** The table row of a word: as written, its stem, -ies → -y, then British → US spelling; null when absent. */
export function lookup(table: WordTable, token: string): number | null {
  const i = table.find(token);
  if (i >= 0) return i;
  const s = stem(token);
  if (s !== token) {
    const j = table.find(s);
    if (j >= 0) return j;
    if (token.endsWith("ies")) {
      const k = table.find(token.slice(0, -3) + "y");
      if (k >= 0) return k;
    }
  }
  // The source vocabulary is mostly US news text.
  const us = token
    .replace(/is(e|ed|es|ing|ation|ations)$/, "iz$1")
    .replace(/our(s?)$/, "or$1")
    .replace(/([^aeiou])(ae|oe)/g, "$1e");
  if (us !== token) {
    const k = table.find(us);
    if (k >= 0) return k;
    const k2 = table.find(stem(us));
    if (k2 >= 0) return k2;
  }
  return null;
}

/** Adds a pseudo-random ±weight/√dim vector seeded by the token (xorshift32): the same on every machine. */
function addIdentity(target: Float64Array, dim: number, token: string, weight: number) {
  let s = hash32("id:" + token) || 1;
  const scale = weight / Math.sqrt(dim);
  for (let i = 0; i < dim; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    target[i]! += s & 1 ? scale : -scale;
  }
}

/** Builds the embedder over a loaded table. Throws when `dimensions` leaves too little room for the lexical block. */
export function createBlendedEmbedder(table: WordTable, options: Partial<BlendOptions> = {}): BlendedEmbedder {
  const tableA = typeof table.meta.sifA === "number" ? { sifA: table.meta.sifA } : {};
  const o: BlendOptions = { ...DEFAULT_BLEND_OPTIONS, ...tableA, ...options };
  const dim = table.dim;
  const lexSize = o.dimensions - dim - 1;
  if (lexSize < 64) throw new Error(`the offline embedding needs at least ${dim + 65} dimensions, not ${o.dimensions}`);
  const weights = sifWeights(table, o.sifA);
  const common = table.common;

  /** Writes the unit semantic block into target[0, dim); false when no word carries meaning. */
  function semanticInto(target: Float64Array, raw: string[]): boolean {
    let any = false;
    for (const t of raw) {
      if (STOPWORDS.has(t) || NEGATION_CUES.has(t)) continue;
      // GloVe puts all numbers close together: a number gets an identity vector instead.
      const row = /\p{N}/u.test(t) ? null : lookup(table, t);
      if (row === null) {
        addIdentity(target, dim, stem(t), o.identityWeight);
        any = true;
        continue;
      }
      const w = weights[row]! * table.scales[row]!;
      const base = row * dim;
      for (let d = 0; d < dim; d++) target[d]! += w * table.vectors[base + d]!;
      any = true;
    }
    if (!any) return false;
    if (common) {
      let dot = 0;
      for (let d = 0; d < dim; d++) dot += target[d]! * common[d]!;
      for (let d = 0; d < dim; d++) target[d]! -= dot * common[d]!;
    }
    let norm = 0;
    for (let d = 0; d < dim; d++) norm += target[d]! * target[d]!;
    if (norm === 0) return false;
    const s = 1 / Math.sqrt(norm);
    for (let d = 0; d < dim; d++) target[d]! *= s;
    return true;
  }

  function blend(text: string, wSem: number, wNeg: number, wLex: number): number[] {
    const raw = rawTokens(text);
    const v = new Float64Array(o.dimensions);
    // No letters or digits: the zero vector (stored without an embedding, found by full text only).
    if (raw.length === 0) return Array.from(v);
    if (semanticInto(v, raw) && wSem !== 1) for (let d = 0; d < dim; d++) v[d]! *= wSem;
    v[dim] = isNegated(raw) ? -wNeg : wNeg;
    const lexical = writeLexicalBlock({ target: v, offset: dim + 1, size: lexSize, tokens: lexicalTokens(raw), weights: o.lexicalWeights });
    if (lexical && wLex !== 1) for (let i = dim + 1; i < o.dimensions; i++) v[i]! *= wLex;
    let norm = 0;
    for (let i = 0; i < o.dimensions; i++) norm += v[i]! * v[i]!;
    const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    return Array.from(v, (x) => x * s);
  }

  return {
    embed: (text) => blend(text, o.wSem, o.wNeg, o.wLex),
    embedQuery: (text) => blend(text, o.qSem, 0, o.qLex),
  };
}
