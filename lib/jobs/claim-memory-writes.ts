import "server-only";
import { getDb, runWithBackgroundDb } from "@/lib/db/client";
import { claimMemoryWriteJobs, type MemoryWriteJobRow } from "@/lib/db/memory-write-jobs-sql";
import { log } from "@/lib/log";

/**
 * A running claim whose heartbeat is older than this is presumed dead (its process crashed or
 * hung) and may be taken over. Live claims are refreshed every CLAIM_HEARTBEAT_MS.
 */
export const STALE_CLAIM_MS = 30_000;
export const CLAIM_HEARTBEAT_MS = 10_000;

/**
 * Claims up to `limit` runnable jobs in one statement (oldest first). Never throws: while the
 * database is unreachable it answers with no jobs, and the worker tries again.
 */
export async function claimMemoryWrites(options: { limit: number; staleBefore: Date; userId?: string }): Promise<MemoryWriteJobRow[]> {
  if (options.limit <= 0) return [];
  try {
    return await runWithBackgroundDb(() => claimMemoryWriteJobs(getDb(), options));
  } catch (error) {
    log.error("memory write jobs not claimed", { error });
    return [];
  }
}
