import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { insertMemoryWriteJob } from "@/lib/db/memory-write-jobs-sql";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { MemoryWriteJobKindSchema } from "@/lib/db/enums";
import { announceMemoryWrite } from "@/lib/jobs/announce-memory-write";
import { MEMORY_WRITE_JOBS } from "@/lib/jobs/memory-write-jobs";

const OptionsSchema = z.object({
  userId: z.string().uuid(),
  conversationId: z.string().uuid().optional(),
  kind: MemoryWriteJobKindSchema,
  payload: z.unknown(),
  correlationId: z.string().uuid(),
});

/**
 * The chat's "save this later": persists the write as a memory_write_jobs row, then nudges a
 * worker (this process's, or a separate worker process's through Redis), and answers `queued` with the job id (AppError unavailable when the row
 * cannot be stored: then nothing was acknowledged). Only after the row is committed is
 * the write acknowledged, so a crash right after the acknowledgement cannot lose it.
 * Each kind's payload is checked against its definition in lib/jobs/definitions/ (requests
 * carry no userId: the job's userId applies).
 */
export async function enqueueMemoryWrite(options: {
  userId: string;
  conversationId?: string;
  kind: z.infer<typeof MemoryWriteJobKindSchema>;
  payload: unknown;
  correlationId: string;
}): Promise<{ action: "queued"; jobId: string; alreadyQueued: boolean }> {
  const { userId, conversationId, kind, correlationId } = OptionsSchema.parse(options);
  // Reject a malformed payload now, while the caller can still be told, not in the worker.
  const payload: unknown = MEMORY_WRITE_JOBS[kind].payload.parse(options.payload);
  const jobId = randomUUID();
  let inserted: boolean;
  try {
    inserted = await insertMemoryWriteJob(getDb(), { id: jobId, userId, conversationId: conversationId ?? null, kind, payload, correlationId });
  } catch (error) {
    log.error("memory write not queued", { userId, kind, correlationId, error });
    throw new AppError("unavailable", "The memory could not be queued; nothing was saved.");
  }
  if (!inserted) return { action: "queued", jobId, alreadyQueued: true } as const;
  log.info("memory write queued", { jobId, userId, kind, correlationId });
  announceMemoryWrite();
  return { action: "queued", jobId, alreadyQueued: false } as const;
}
