import "server-only";
import { getDb } from "@/lib/db/client";
import { lockUserMemoryWrites } from "@/lib/db/memory-items-sql";
import { completeMemoryWriteJob, lockMemoryWriteJob } from "@/lib/db/memory-write-jobs-sql";
import type { SqlClient } from "@/lib/db/sql-client";
import { JobAlreadyDoneError } from "@/lib/memory/job-already-done-error";
import { publishMemoryEvents } from "@/lib/memory/publish-memory-events";
import type { MemoryEvent } from "@/lib/memory/schemas";

// Generous bounds: writes of one user queue on the advisory lock while holding a pooled
// connection, and PGlite runs one statement at a time for the whole process.
const TX_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

/**
 * The one transaction shape every memory write uses: take the user's write lock, (for a queued
 * job) lock the job row and stop if it is already done, run the work, mark the job done in the
 * same transaction, commit, and only then publish the audit rows live. Memory rows and their
 * audit rows therefore commit together or not at all.
 *
 * A queued job's transaction commits without waiting for the WAL flush (synchronous_commit
 * off, for this transaction only): should the server crash in that window, the job row rolls
 * back together with the write it performed, so the job simply runs again: still exactly
 * once, never lost, and the worker does not spend a disk flush per memory.
 */
export async function runMemoryTransaction<T extends { events: MemoryEvent[]; result: unknown }>(options: {
  userId: string;
  jobId?: string;
  work: (tx: SqlClient) => Promise<T>;
}): Promise<T> {
  const { userId, jobId, work } = options;
  const out = await getDb().$transaction(async (tx) => {
    await lockUserMemoryWrites(tx, { userId, relaxedCommit: Boolean(jobId) });
    if (jobId && (await lockMemoryWriteJob(tx, { jobId, userId })).done) throw new JobAlreadyDoneError(jobId);
    const value = await work(tx);
    if (jobId) await completeMemoryWriteJob(tx, { jobId, userId, result: value.result });
    return value;
  }, TX_OPTIONS);
  await publishMemoryEvents({ events: out.events });
  return out;
}
