// The lexical block of the offline embedding: signed feature hashing of stemmed unigrams, word
// bigrams and character trigrams, each group L2-normalised, mixed with fixed weights. It keeps
// what averaged word vectors lose: exact names, numbers, rare words and word order.

export type LexicalGroupWeights = { unigram: number; bigram: number; trigram: number };

/** FNV-1a with a murmur3 finaliser (FNV alone leaves the low bits, the bucket, poorly mixed). */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return finish32(h);
}

/** murmur3's 32-bit finaliser. */
export function finish32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function addFeatures(target: Float64Array, offset: number, size: number, features: string[], weight: number, prefix: string) {
  if (features.length === 0) return;
  const group = new Float64Array(size);
  for (const f of features) {
    const h = hash32(prefix + f);
    group[h % size]! += h & 0x80000000 ? -1 : 1;
  }
  let norm = 0;
  for (let i = 0; i < size; i++) norm += group[i]! * group[i]!;
  if (norm === 0) return;
  const scale = weight / Math.sqrt(norm);
  for (let i = 0; i < size; i++) target[offset + i]! += group[i]! * scale;
}

/**
 * Writes the unit-length lexical vector of `tokens` into target[offset, offset + size).
 * Returns false (and leaves zeros) when there is nothing to hash.
 */
export function writeLexicalBlock(options: {
  target: Float64Array;
  offset: number;
  size: number;
  tokens: string[];
  weights: LexicalGroupWeights;
}): boolean {
  const { target, offset, size, tokens, weights } = options;
  const bigrams = tokens.slice(1).map((t, i) => `${tokens[i]} ${t}`);
  const trigrams: string[] = [];
  for (const t of tokens) {
    const padded = `#${t}#`;
    for (let i = 0; i + 3 <= padded.length; i++) trigrams.push(padded.slice(i, i + 3));
  }
  addFeatures(target, offset, size, tokens, weights.unigram, "u:");
  addFeatures(target, offset, size, bigrams, weights.bigram, "b:");
  addFeatures(target, offset, size, trigrams, weights.trigram, "c:");
  let norm = 0;
  for (let i = offset; i < offset + size; i++) norm += target[i]! * target[i]!;
  if (norm === 0) return false;
  const s = 1 / Math.sqrt(norm);
  for (let i = offset; i < offset + size; i++) target[i]! *= s;
  return true;
}
