import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { ZodError } from "zod";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { completeMemoryWriteJob, failMemoryWriteJob, type MemoryWriteJobRow } from "@/lib/db/memory-write-jobs-sql";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { JobAlreadyDoneError } from "@/lib/memory/job-already-done-error";
import { publishMemoryWriteHint } from "@/lib/memory/publish-memory-events";
import { MEMORY_WRITE_JOBS } from "@/lib/jobs/memory-write-jobs";
import { getMemoryWriteWorkerState } from "@/lib/jobs/memory-write-worker-state";

const MAX_ATTEMPTS = 5;

async function perform(job: MemoryWriteJobRow): Promise<unknown> {
  // Claiming counts attempts, so the first attempt is 1.
  const context = { job, correlationId: job.correlation_id, jobId: job.id, rateLimitCounted: job.attempts > 1 };
  const definition = MEMORY_WRITE_JOBS[job.kind];
  // Each definition's perform takes its own payload type; the kind ties the two together.
  const perform = definition.perform as (payload: unknown, c: typeof context) => Promise<unknown>;
  return perform(definition.payload.parse(job.payload), context);
}

/**
 * Performs one claimed job: the worker's edge, where the domain's errors become job outcomes.
 * The handler marks the job done inside its own write transaction; this marks it done
 * afterwards for outcomes that wrote nothing (rate limited, duplicate), records a refusal
 * (AppError, ZodError: retrying cannot help) as a `failed` result, and schedules anything
 * else (the database went away, a model error) for a retry with back-off. Never throws.
 * A finished job (done, or failed for good) is announced on the user's live stream.
 */
export async function processMemoryWriteJob(options: { job: MemoryWriteJobRow }): Promise<void> {
  const { job } = options;
  const db = getDb();
  const fields = { jobId: job.id, kind: job.kind, userId: job.user_id, correlationId: job.correlation_id, attempt: job.attempts };
  const announce = (status: "done" | "failed") => publishMemoryWriteHint({ userId: job.user_id, hint: { writeId: job.id, status } });
  try {
    // Test-only delay, to prove the chat never waits for a background write.
    if (config.memory.artificialDelayMs > 0) await sleep(config.memory.artificialDelayMs);
    const result = await perform(job);
    await completeMemoryWriteJob(db, { jobId: job.id, userId: job.user_id, result });
    log.info("memory write job done", { ...fields, result });
    await announce("done");
  } catch (error) {
    if (error instanceof JobAlreadyDoneError) {
      log.info("memory write job already done elsewhere", fields);
      // Repeated in case the worker that finished it stopped before announcing it.
      await announce("done");
      return;
    }
    try {
      if (error instanceof AppError || error instanceof ZodError) {
        log.warn("memory write job refused", { ...fields, error });
        await completeMemoryWriteJob(db, { jobId: job.id, userId: job.user_id, result: { action: "failed", message: error.message } });
        await announce("done");
        return;
      }
      const retryAt = job.attempts < MAX_ATTEMPTS ? new Date(Date.now() + 1000 * 2 ** job.attempts) : null;
      log.error("memory write job failed", { ...fields, retryAt, error });
      await failMemoryWriteJob(db, { jobId: job.id, userId: job.user_id, error: error instanceof Error ? error.message : String(error), retryAt });
      if (!retryAt) await announce("failed");
    } catch (bookkeepingError) {
      // The database went away: the worker hands the claim back as soon as it answers again
      // (so the job is retried within seconds, not after the stale-claim timeout). Should this
      // process die first, the claim goes stale and another worker resumes it; the write
      // still happens exactly once.
      const retryAt = job.attempts < MAX_ATTEMPTS ? new Date(Date.now() + 1000) : null;
      getMemoryWriteWorkerState().unrecorded.set(job.id, {
        jobId: job.id,
        userId: job.user_id,
        error: error instanceof Error ? error.message : String(error),
        retryAt,
      });
      log.warn("memory write job outcome not recorded; handing it back when the database answers", { ...fields, error: bookkeepingError });
    }
  }
}
