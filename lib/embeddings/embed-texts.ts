import "server-only";
import { createOpenAI } from "@ai-sdk/openai";
import { embedMany, type EmbeddingModel } from "ai";
import { z } from "zod";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { embedLocal } from "@/lib/embeddings/embed-local";

const TextsSchema = z.array(z.string()).max(2048);

let openaiModel: EmbeddingModel | undefined;

function getOpenAIEmbeddingModel(): EmbeddingModel {
  openaiModel ??= createOpenAI({ apiKey: config.OPENAI_API_KEY ?? "unused", baseURL: config.OPENAI_BASE_URL }).embedding(
    config.OPENAI_EMBEDDING_MODEL,
  );
  return openaiModel;
}

/**
 * Embeds texts with the configured provider (`EMBEDDING_PROVIDER`: local | openai). Every vector
 * has exactly EMBEDDING_DIMENSIONS numbers, matching the vector(384) column; a provider that
 * returns another size fails here with the settings to change, not later inside SQL.
 */
export async function embedTexts(options: {
  texts: string[];
  /** Override for tests: any AI SDK embedding model (e.g. MockEmbeddingModelV3). */
  model?: EmbeddingModel;
}): Promise<number[][]> {
  const texts = TextsSchema.parse(options.texts);
  if (texts.length === 0) return [];
  const dimensions = config.EMBEDDING_DIMENSIONS;
  if (!options.model && config.embeddingProvider === "local") {
    return texts.map((text) => embedLocal({ text, dimensions }));
  }
  const modelId = config.OPENAI_EMBEDDING_MODEL;
  const { embeddings } = await embedMany({
    model: options.model ?? getOpenAIEmbeddingModel(),
    values: texts,
    maxRetries: 2,
    // Only text-embedding-3 models can shorten their output; others must natively match.
    providerOptions: modelId.startsWith("text-embedding-3") ? { openai: { dimensions } } : undefined,
  });
  for (const embedding of embeddings) {
    if (embedding.length !== dimensions) {
      throw new AppError(
        "internal",
        `Embedding model "${modelId}" returned ${embedding.length} dimensions but the database stores ${dimensions} ` +
          `(EMBEDDING_DIMENSIONS). Choose an OPENAI_EMBEDDING_MODEL that returns ${dimensions} dimensions ` +
          `(text-embedding-3-* models are asked for ${dimensions}), or set EMBEDDING_PROVIDER=local.`,
      );
    }
  }
  return embeddings;
}
