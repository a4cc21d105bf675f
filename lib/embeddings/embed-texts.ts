import "server-only";
import { createOpenAI } from "@ai-sdk/openai";
import { embedMany, type EmbeddingModel } from "ai";
import { z } from "zod";
import { config } from "@/lib/config";
import type { EmbeddingSpace } from "@/lib/db/sql-client";
import { embedLocal } from "@/lib/embeddings/embed-local";
import { getEmbeddingSpace } from "@/lib/embeddings/embedding-space";
import { AppError } from "@/lib/errors";

const TextsSchema = z.array(z.string()).max(2048);

/** A hosted provider that has not answered by then has failed; the write is retried by the worker. */
const PROVIDER_TIMEOUT_MS = 30_000;

/** What a vector is for: a stored memory (and the duplicate check) or a search query. */
export type EmbeddingPurpose = "document" | "query";

let openaiModel: EmbeddingModel | undefined;

function getOpenAIEmbeddingModel(): EmbeddingModel {
  openaiModel ??= createOpenAI({ apiKey: config.OPENAI_API_KEY ?? "unused", baseURL: config.OPENAI_BASE_URL }).embedding(
    config.OPENAI_EMBEDDING_MODEL,
  );
  return openaiModel;
}

/**
 * Embeds texts with the configured provider (`EMBEDDING_PROVIDER`: local | openai) and says
 * which space the vectors are in (`model`, recorded with each stored vector). A provider's
 * answer is checked before anything is stored: one vector per text, exactly
 * EMBEDDING_DIMENSIONS finite numbers, not all zero; a bad answer, a timeout or a refused
 * request throws an AppError naming the model and the settings, so the write fails whole (the
 * worker retries it) and nothing is stored half-embedded. Hosted models ignore `purpose`.
 */
export async function embedTexts(options: {
  texts: string[];
  purpose?: EmbeddingPurpose;
  /** Override for tests: any AI SDK embedding model (e.g. MockEmbeddingModelV3), reported as the configured space. */
  model?: EmbeddingModel;
  /** Override for tests: how long a hosted provider may take (default 30 s). */
  timeoutMs?: number;
}): Promise<{ model: string; vectors: number[][] }> {
  const texts = TextsSchema.parse(options.texts);
  const space = getEmbeddingSpace();
  if (texts.length === 0) return { model: space.model, vectors: [] };
  if (!options.model && config.embeddingProvider === "local") {
    return { model: space.model, vectors: texts.map((text) => embedLocal({ text, dimensions: space.dimensions, purpose: options.purpose })) };
  }
  const modelId = config.OPENAI_EMBEDDING_MODEL;
  const timeoutMs = options.timeoutMs ?? PROVIDER_TIMEOUT_MS;
  let embeddings: number[][];
  try {
    ({ embeddings } = await embedMany({
      model: options.model ?? getOpenAIEmbeddingModel(),
      values: texts,
      maxRetries: 2,
      abortSignal: AbortSignal.timeout(timeoutMs),
      // Only text-embedding-3 models can shorten their output; others must natively match.
      providerOptions: modelId.startsWith("text-embedding-3") ? { openai: { dimensions: space.dimensions } } : undefined,
    }));
  } catch (error) {
    const timedOut = error instanceof Error && /abort|timeout/i.test(`${error.name} ${error.message}`);
    throw new AppError(
      "unavailable",
      timedOut
        ? `Embedding model "${modelId}" did not answer within ${timeoutMs / 1000} s (OPENAI_BASE_URL).`
        : `Embedding model "${modelId}" failed: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  checkVectors({ vectors: embeddings, count: texts.length, space, modelId });
  return { model: space.model, vectors: embeddings };
}

function checkVectors(options: { vectors: unknown[]; count: number; space: EmbeddingSpace; modelId: string }) {
  const { vectors, count, space, modelId } = options;
  const fail = (problem: string): never => {
    throw new AppError("internal", `Embedding model "${modelId}" ${problem}`);
  };
  if (vectors.length !== count) fail(`returned ${vectors.length} vectors for ${count} texts.`);
  for (const vector of vectors) {
    if (!Array.isArray(vector) || vector.length !== space.dimensions) {
      const length = Array.isArray(vector) ? vector.length : 0;
      return fail(
        `returned ${length} dimensions but this app stores ${space.dimensions} (EMBEDDING_DIMENSIONS). ` +
          `Set EMBEDDING_DIMENSIONS to the model's size (then run npm run memories:reembed), choose an OPENAI_EMBEDDING_MODEL ` +
          `that returns ${space.dimensions} (text-embedding-3-* models are asked for ${space.dimensions}), or set EMBEDDING_PROVIDER=local.`,
      );
    }
    if (!vector.every((x: unknown) => typeof x === "number" && Number.isFinite(x))) fail("returned a vector with a value that is not a finite number.");
    if (vector.every((x: unknown) => x === 0)) fail("returned an all-zero vector.");
  }
}
