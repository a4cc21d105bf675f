import "server-only";
import { getDb } from "@/lib/db/client";
import { claimMemoryWriteJobs } from "@/lib/db/memory-write-jobs-sql";
import { log } from "@/lib/log";
import { getMemoryWriteWorkerState } from "@/lib/jobs/memory-write-worker-state";
import { processMemoryWriteJob } from "@/lib/jobs/process-memory-write-job";

/** A claim older than this is presumed dead (its process crashed) and may be taken over. */
export const STALE_CLAIM_MS = 120_000;

/**
 * One worker pass: claims up to `limit` runnable jobs and processes them concurrently, each
 * tracked in the worker state so a shutdown can wait for it. Returns how many were claimed.
 */
export async function claimMemoryWrites(options: { limit: number; staleBefore: Date; userId?: string }): Promise<number> {
  let jobs;
  try {
    jobs = await claimMemoryWriteJobs(getDb(), options);
  } catch (error) {
    log.error("memory write jobs not claimed", { error });
    return 0;
  }
  const state = getMemoryWriteWorkerState();
  await Promise.all(
    jobs.map((job) => {
      const task = processMemoryWriteJob({ job }).finally(() => state.inFlight.delete(task));
      state.inFlight.add(task);
      return task;
    }),
  );
  return jobs.length;
}
