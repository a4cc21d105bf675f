import { createBlendedEmbedder, type BlendedEmbedder } from "@/lib/embeddings/create-blended-embedder";
import { loadWordTable } from "@/lib/embeddings/load-word-table";

/**
 * The offline model's name and version, recorded with every vector it makes (as
 * "local/mnemo-blend-v1@384"). Bump the version whenever a change to the table, the tokeniser or
 * the weights changes a stored vector: rows of the old version then leave search and dedup
 * until `npm run memories:reembed` recomputes them (embed-local.test.ts pins a digest).
 */
export const LOCAL_EMBEDDING_MODEL = "mnemo-blend-v1";

/** The only size the offline model is calibrated for: 100 semantic + 1 polarity + 283 lexical. */
export const LOCAL_EMBEDDING_DIMENSIONS = 384;

const embedders = new Map<number, BlendedEmbedder>();

/**
 * The offline embedding (create-blended-embedder.ts): deterministic, about 0.03 ms a text after
 * a one-off ~35 ms table load. `purpose: "query"` gives a search query's vector (ranked mostly
 * by meaning); "document" (the default) a stored memory's, which dedup compares. Unit length,
 * or all zeros for a text without letters or digits.
 */
export function embedLocal(options: { text: string; dimensions?: number; purpose?: "document" | "query" }): number[] {
  const dimensions = options.dimensions ?? LOCAL_EMBEDDING_DIMENSIONS;
  let embedder = embedders.get(dimensions);
  if (!embedder) {
    embedder = createBlendedEmbedder(loadWordTable(), { dimensions });
    embedders.set(dimensions, embedder);
  }
  return options.purpose === "query" ? embedder.embedQuery(options.text) : embedder.embed(options.text);
}
