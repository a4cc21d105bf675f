import "server-only";
import { getDb } from "@/lib/db/client";
import { failMemoryWriteJob } from "@/lib/db/memory-write-jobs-sql";
import { log } from "@/lib/log";
import { getMemoryWriteWorkerState } from "@/lib/jobs/memory-write-worker-state";

/**
 * Hands back the claims whose outcome could not be recorded during a database outage: each
 * goes back to queued (retry in a second) or to failed after its last attempt. Stops at the
 * first error (the database is still away) and tries again on the worker's next pass.
 */
export async function releaseUnrecordedJobs(): Promise<number> {
  const { unrecorded } = getMemoryWriteWorkerState();
  let released = 0;
  for (const job of [...unrecorded.values()]) {
    try {
      await failMemoryWriteJob(getDb(), job);
    } catch {
      return released;
    }
    unrecorded.delete(job.jobId);
    released++;
  }
  if (released > 0) log.info("memory write jobs handed back after the database returned", { released });
  return released;
}
