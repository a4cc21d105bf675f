import "server-only";
import type { EmbeddingModel } from "ai";
import type { Embedding } from "@/lib/db/sql-client";
import { embedTexts, type EmbeddingPurpose } from "@/lib/embeddings/embed-texts";

/**
 * Embeds one text with the configured provider: the vector and its space (`model`), which
 * insertMemoryItem records and search and dedup filter on. `purpose: "query"` for a search
 * query (the offline model weighs meaning higher there); hosted models ignore it.
 */
export async function embedText(options: { text: string; purpose?: EmbeddingPurpose; model?: EmbeddingModel }): Promise<Embedding> {
  const { model, vectors } = await embedTexts({ texts: [options.text], purpose: options.purpose, model: options.model });
  return { vector: vectors[0]!, model };
}
