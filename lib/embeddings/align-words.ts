import { lookup, sifWeights } from "@/lib/embeddings/create-blended-embedder";
import { stem } from "@/lib/embeddings/text-tokens";
import type { WordTable } from "@/lib/embeddings/word-table";

// The embedding's stemmer leaves a final "e" where an ending was not stripped ("live" but
// "lives" → "liv"); dropping it makes the two forms one root.
const root = (word: string) => stem(word).replace(/e$/, "");

export type WordAligner = {
  /** 0..1: how similar two words are (1 for the same stem, else the cosine of their vectors, floored at 0). */
  similarity(a: string, b: string): number;
  /** How much a word says (SIF: rare words weigh more); out-of-table words weigh the most. */
  weight(word: string): number;
};

/**
 * Word-level similarity over the offline word-vector table. An averaged sentence vector blurs
 * a short question into its common words; aligning each word of a question with its closest
 * word in a memory ("breed" ~ "husky", "missus" ~ "wife") tells whether the memory talks
 * about what was asked.
 */
export function createWordAligner(table: WordTable): WordAligner {
  const weights = sifWeights(table, typeof table.meta.sifA === "number" ? table.meta.sifA : 1e-3);
  const dim = table.dim;
  const rowOf = new Map<string, number | null>();
  const row = (word: string) => {
    let r = rowOf.get(word);
    if (r === undefined) {
      r = lookup(table, word);
      if (rowOf.size > 50_000) rowOf.clear();
      rowOf.set(word, r);
    }
    return r;
  };
  return {
    similarity(a, b) {
      if (a === b || root(a) === root(b)) return 1;
      const ra = row(a);
      const rb = row(b);
      if (ra === null || rb === null) return 0;
      if (ra === rb) return 1;
      let dot = 0;
      const oa = ra * dim;
      const ob = rb * dim;
      for (let i = 0; i < dim; i++) dot += table.vectors[oa + i]! * table.vectors[ob + i]!;
      return Math.max(0, dot * table.scales[ra]! * table.scales[rb]!);
    },
    weight(word) {
      const r = row(word);
      return r === null ? 1 : weights[r]!;
    },
  };
}
