import "server-only";
import { z } from "zod";
import { getDb, type Db } from "@/lib/db/client";
import { countMemoriesBySpace, selectMemoriesOutsideSpace, updateMemoryEmbeddings } from "@/lib/db/memory-items-embedding-sql";
import { embedTexts } from "@/lib/embeddings/embed-texts";
import { getEmbeddingSpace } from "@/lib/embeddings/embedding-space";
import { ensureEmbeddingIndex, type EnsureEmbeddingIndexResult } from "@/lib/embeddings/ensure-embedding-index";

const OptionsSchema = z.object({ batchSize: z.number().int().min(1).max(2048).default(200) });

export type ReembedProgress = {
  /** memories outside the configured space when the run started */
  total: number;
  /** given a vector of the space so far */
  reembedded: number;
  /** read but left alone: changed or re-embedded by the app meanwhile */
  skipped: number;
};

/**
 * Gives every active and pending memory a vector of the configured embedding space, in
 * batches: memories of another space, or of none recorded, are read in id order, embedded
 * (one provider call per batch) and updated with their model. Resumable: a re-run continues
 * with what is still outside the space. Safe while the app serves: the app already writes the
 * configured space, and a row it changed meanwhile is skipped (updateMemoryEmbeddings). A
 * provider error stops the run with the error; what was stored stays.
 */
export async function reembedMemories(options: {
  db?: Db;
  batchSize?: number;
  /** after the index check, before the first batch */
  onStart?: (info: { model: string; total: number; index: EnsureEmbeddingIndexResult }) => void;
  onProgress?: (progress: ReembedProgress) => void;
}): Promise<ReembedProgress & { model: string }> {
  const { batchSize } = OptionsSchema.parse({ batchSize: options.batchSize });
  const db = options.db ?? getDb();
  const space = getEmbeddingSpace();
  const index = await ensureEmbeddingIndex({ db, space });
  const total = (await countMemoriesBySpace(db)).filter((c) => c.model !== space.model).reduce((sum, c) => sum + c.count, 0);
  options.onStart?.({ model: space.model, total, index });
  const progress: ReembedProgress = { total, reembedded: 0, skipped: 0 };
  let afterId: string | null = null;
  for (;;) {
    const rows = await selectMemoriesOutsideSpace(db, { space, afterId, limit: batchSize });
    if (rows.length === 0) break;
    const { model, vectors } = await embedTexts({ texts: rows.map((r) => r.content), purpose: "document" });
    if (model !== space.model) throw new Error(`embedded with ${model}, expected ${space.model}`);
    const updated = await updateMemoryEmbeddings(db, {
      space,
      rows: rows.map((r, i) => ({ id: r.id, userId: r.user_id, content: r.content, vector: vectors[i]! })),
    });
    progress.reembedded += updated;
    progress.skipped += rows.length - updated;
    afterId = rows.at(-1)!.id;
    options.onProgress?.({ ...progress });
  }
  return { ...progress, model: space.model };
}
