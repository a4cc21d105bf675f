import "server-only";
import type { z } from "zod";
import type { MemoryWriteJobKind } from "@/lib/db/enums";
import type { MemoryWriteJobRow } from "@/lib/db/memory-write-jobs-sql";

/** What every handler receives besides its payload: the job's identity, for exactly-once writes. */
export type MemoryWriteJobContext = {
  job: MemoryWriteJobRow;
  correlationId: string;
  jobId: string;
  /** A retry must not spend a second rate-limit slot: the first attempt already did. */
  rateLimitCounted: boolean;
};

/**
 * One kind of queued memory write: how its payload is checked (when it is queued, and again
 * when it runs) and what performs it. The handler marks the job done inside its own write
 * transaction (runMemoryTransaction's jobId); it throws on failure, and the worker decides
 * between a refusal (AppError, ZodError) and a retry (anything else).
 */
export type MemoryWriteJobDefinition<K extends MemoryWriteJobKind, P extends z.ZodType> = {
  kind: K;
  payload: P;
  perform: (payload: z.output<P>, context: MemoryWriteJobContext) => Promise<unknown>;
};

export function defineMemoryWriteJob<K extends MemoryWriteJobKind, P extends z.ZodType>(
  definition: MemoryWriteJobDefinition<K, P>,
): MemoryWriteJobDefinition<K, P> {
  return definition;
}
