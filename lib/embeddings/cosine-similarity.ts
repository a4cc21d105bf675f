/** Cosine similarity of two equal-length vectors (0 when either is all zeros). */
export function cosineSimilarity(options: { a: number[]; b: number[] }): number {
  const { a, b } = options;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
