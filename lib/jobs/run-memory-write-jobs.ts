import "server-only";
import { runWithBackgroundDb } from "@/lib/db/client";
import type { MemoryWriteJobRow } from "@/lib/db/memory-write-jobs-sql";
import { getMemoryWriteWorkerState } from "@/lib/jobs/memory-write-worker-state";
import { processMemoryWriteJob } from "@/lib/jobs/process-memory-write-job";

/**
 * Starts claimed jobs without waiting for them: each is tracked in the worker state (so a
 * shutdown can wait for it and the heartbeat keeps its claim fresh) and `onSettled` runs as
 * each finishes, so a free slot can be refilled at once. Returns their promises.
 */
export function runMemoryWriteJobs(options: { jobs: MemoryWriteJobRow[]; onSettled?: () => void }): Promise<void>[] {
  const state = getMemoryWriteWorkerState();
  return options.jobs.map((job) => {
    state.inFlightIds.set(job.id, Date.now());
    const task = runWithBackgroundDb(() => processMemoryWriteJob({ job })).finally(() => {
      state.inFlight.delete(task);
      state.inFlightIds.delete(job.id);
      options.onSettled?.();
    });
    state.inFlight.add(task);
    return task;
  });
}
