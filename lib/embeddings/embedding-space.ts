import "server-only";
import { config } from "@/lib/config";
import type { EmbeddingSpace } from "@/lib/db/sql-client";
import { LOCAL_EMBEDDING_MODEL } from "@/lib/embeddings/embed-local";

/**
 * The configured embedding space: every vector the app writes or searches with is of this model,
 * recorded as "<provider>/<model>@<dimensions>": "local/mnemo-blend-v1@384",
 * "openai/text-embedding-3-small@384", "openai/nomic-embed-text@768" (Ollama).
 */
export function getEmbeddingSpace(): EmbeddingSpace {
  const dimensions = config.EMBEDDING_DIMENSIONS;
  const name = config.embeddingProvider === "local" ? LOCAL_EMBEDDING_MODEL : config.OPENAI_EMBEDDING_MODEL;
  return { model: `${config.embeddingProvider}/${name}@${dimensions}`, dimensions };
}
