import "server-only";
import type { SqlClient } from "@/lib/db/sql-client";
import { describeEmbeddingSpaces, formatEmbeddingStatus } from "@/lib/embeddings/describe-embedding-spaces";
import { getEmbeddingSpace } from "@/lib/embeddings/embedding-space";

// Counting needs a pass over memory_items; health is polled every few seconds by balancers and
// Docker, so the count is reused for a while (re-embedding takes minutes, not seconds).
const CACHE_MS = 30_000;
let cached: { at: number; db: SqlClient; status: string } | undefined;

/**
 * The health report's `embeddings`: the configured space, and how many memories still need
 * re-embedding. Bounded by the probe timeout; when the count cannot be had (the database is
 * down or slow) it is the configured space alone.
 */
export async function getEmbeddingStatus(options: { db: SqlClient; timeoutMs: number }): Promise<string> {
  const { model } = getEmbeddingSpace();
  if (cached && cached.db === options.db && Date.now() - cached.at < CACHE_MS && cached.status.startsWith(model)) return cached.status;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), options.timeoutMs);
  });
  try {
    const report = await Promise.race([describeEmbeddingSpaces({ db: options.db }).catch(() => null), timeout]);
    if (!report) return model;
    const status = formatEmbeddingStatus(report);
    cached = { at: Date.now(), db: options.db, status };
    return status;
  } finally {
    clearTimeout(timer);
  }
}
