/**
 * Okapi BM25 (k1 1.2, b 0.75, Lucene's non-negative idf) of one query over one corpus of
 * tokenised documents: the plain lexical baseline the retrieval benchmarks compare search with.
 * Returns one score per document (0 when it shares no term with the query).
 */
export function okapiBm25(options: { docs: string[][]; query: string[]; k1?: number; b?: number }): number[] {
  const { docs, k1 = 1.2, b = 0.75 } = options;
  const n = docs.length;
  if (n === 0) return [];
  const avgLength = docs.reduce((sum, d) => sum + d.length, 0) / n || 1;
  const terms = [...new Set(options.query)];
  const df = new Map<string, number>(terms.map((t) => [t, 0]));
  const tfs = docs.map((doc) => {
    const tf = new Map<string, number>();
    for (const t of doc) if (df.has(t)) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const t of tf.keys()) df.set(t, df.get(t)! + 1);
    return tf;
  });
  return tfs.map((tf, i) => {
    let score = 0;
    for (const [t, f] of tf) {
      const idf = Math.log(1 + (n - df.get(t)! + 0.5) / (df.get(t)! + 0.5));
      score += (idf * f * (k1 + 1)) / (f + k1 * (1 - b + (b * docs[i]!.length) / avgLength));
    }
    return score;
  });
}

/** Indices of the k best scores, best first; ties keep corpus order; documents scoring 0 are left out. */
export function topK(scores: number[], k: number): number[] {
  return scores
    .map((s, i) => [s, i] as const)
    .filter(([s]) => s > 0)
    .sort((x, y) => y[0] - x[0] || x[1] - y[1])
    .slice(0, k)
    .map(([, i]) => i);
}
