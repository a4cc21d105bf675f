import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { getDb } from "@/lib/db/client";
import { countPendingMemoryWriteJobs } from "@/lib/db/memory-write-jobs-sql";
import { claimMemoryWrites, STALE_CLAIM_MS } from "@/lib/jobs/claim-memory-writes";
import { getMemoryWriteWorkerState } from "@/lib/jobs/memory-write-worker-state";
import { releaseUnrecordedJobs } from "@/lib/jobs/release-unrecorded-jobs";
import { runMemoryWriteJobs } from "@/lib/jobs/run-memory-write-jobs";
import { wakeMemoryWriteWorker } from "@/lib/jobs/wake-memory-write-worker";

/**
 * Waits until no queued or running write jobs remain (for one user, or all), up to
 * `timeoutMs`: the spec's await_pending_writes, for tests and the eval runner. When this
 * process runs no worker, it processes the runnable jobs itself. Resolves with what is left.
 */
export async function drainMemoryWrites(
  options: { userId?: string; timeoutMs?: number } = {},
): Promise<{ drained: boolean; pending: number }> {
  const { userId, timeoutMs = 10_000 } = options;
  const deadline = Date.now() + timeoutMs;
  const state = getMemoryWriteWorkerState();
  for (;;) {
    const pending = await countPendingMemoryWriteJobs(getDb(), { userId });
    if (pending === 0) return { drained: true, pending };
    if (Date.now() >= deadline) return { drained: false, pending };
    if (state.running) {
      wakeMemoryWriteWorker();
      await sleep(25);
      continue;
    }
    if (state.unrecorded.size > 0) await releaseUnrecordedJobs();
    const jobs = await claimMemoryWrites({ limit: 4, userId, staleBefore: new Date(Date.now() - STALE_CLAIM_MS) });
    if (jobs.length === 0) {
      // Others' claims (or back-off) are in the way: give them a moment.
      await sleep(50);
      continue;
    }
    await Promise.all(runMemoryWriteJobs({ jobs }));
  }
}
