import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { selectMemoryWriteJob } from "@/lib/db/memory-write-jobs-sql";
import { AppError } from "@/lib/errors";
import type { MemoryWriteStatus } from "@/lib/jobs/schemas";

/** Where a queued write stands. AppError not_found when the job is not this user's. */
export async function getMemoryWriteStatus(options: { userId: string; writeId: string }): Promise<MemoryWriteStatus> {
  const { userId, writeId } = z.object({ userId: z.string().uuid(), writeId: z.string() }).parse(options);
  const job = z.string().uuid().safeParse(writeId).success
    ? await selectMemoryWriteJob(getDb(), { userId, jobId: writeId })
    : null;
  if (!job) throw new AppError("not_found", "That memory write does not exist.");
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    attempts: job.attempts,
    result: job.result,
    error: job.last_error,
    createdAt: job.created_at.toISOString(),
    finishedAt: job.finished_at ? job.finished_at.toISOString() : null,
  };
}
