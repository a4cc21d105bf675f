import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { ZodError } from "zod";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { completeMemoryWriteJob, failMemoryWriteJob, type MemoryWriteJobRow } from "@/lib/db/memory-write-jobs-sql";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { createEpisodeSummary } from "@/lib/memory/create-episode-summary";
import { createMemory } from "@/lib/memory/create-memory";
import { deleteMemories } from "@/lib/memory/delete-memories";
import { JobAlreadyDoneError } from "@/lib/jobs/job-already-done-error";
import { MemoryWriteJobPayloadSchemas } from "@/lib/memory/schemas";
import { supersedeMemory } from "@/lib/memory/supersede-memory";

const MAX_ATTEMPTS = 5;

async function perform(job: MemoryWriteJobRow): Promise<unknown> {
  // A retry must not spend a second rate-limit slot: an acknowledged write could otherwise end
  // as rate_limited, i.e. lost. (Claiming counts attempts, so the first attempt is 1.)
  const base = { correlationId: job.correlation_id, jobId: job.id, rateLimitCounted: job.attempts > 1 };
  switch (job.kind) {
    case "create": {
      const { request } = MemoryWriteJobPayloadSchemas.create.parse(job.payload);
      return createMemory({ ...base, request: { ...request, userId: job.user_id } });
    }
    case "supersede": {
      const { oldId, request } = MemoryWriteJobPayloadSchemas.supersede.parse(job.payload);
      return supersedeMemory({ ...base, userId: job.user_id, oldId, request });
    }
    case "delete": {
      const { memoryIds } = MemoryWriteJobPayloadSchemas.delete.parse(job.payload);
      return deleteMemories({ ...base, userId: job.user_id, memoryIds });
    }
    case "episode": {
      const { conversationId } = MemoryWriteJobPayloadSchemas.episode.parse(job.payload);
      return (await createEpisodeSummary({ ...base, userId: job.user_id, conversationId })) ?? { action: "discarded" };
    }
  }
}

// A write that failed closed (database trouble) is worth retrying; a refusal is not.
const failedClosed = (r: unknown) =>
  typeof r === "object" && r !== null && ("action" in r ? r.action === "failed" : "error" in r && Boolean(r.error));

/**
 * Performs one claimed job. The domain function marks the job done inside its own write
 * transaction; this marks it done afterwards for outcomes that wrote nothing (rate limited,
 * duplicate, refused), or schedules a retry with back-off. Never throws.
 */
export async function processMemoryWriteJob(options: { job: MemoryWriteJobRow }): Promise<void> {
  const { job } = options;
  const db = getDb();
  const fields = { jobId: job.id, kind: job.kind, userId: job.user_id, correlationId: job.correlation_id, attempt: job.attempts };
  try {
    // Test-only delay, to prove the chat never waits for a background write.
    if (config.memory.artificialDelayMs > 0) await sleep(config.memory.artificialDelayMs);
    const result = await perform(job);
    if (failedClosed(result)) throw new Error(`write failed closed: ${JSON.stringify(result)}`);
    await completeMemoryWriteJob(db, { jobId: job.id, userId: job.user_id, result });
    log.info("memory write job done", { ...fields, result });
  } catch (error) {
    if (error instanceof JobAlreadyDoneError) {
      log.info("memory write job already done elsewhere", fields);
      return;
    }
    try {
      if (error instanceof AppError || error instanceof ZodError) {
        log.warn("memory write job refused", { ...fields, error });
        await completeMemoryWriteJob(db, { jobId: job.id, userId: job.user_id, result: { action: "failed", message: error.message } });
        return;
      }
      const retryAt = job.attempts < MAX_ATTEMPTS ? new Date(Date.now() + 1000 * 2 ** job.attempts) : null;
      log.error("memory write job failed", { ...fields, retryAt, error });
      await failMemoryWriteJob(db, { jobId: job.id, userId: job.user_id, error: error instanceof Error ? error.message : String(error), retryAt });
    } catch (bookkeepingError) {
      // The claim stays `running` and is resumed once stale; the effect is still exactly once.
      log.error("memory write job bookkeeping failed", { ...fields, error: bookkeepingError });
    }
  }
}
