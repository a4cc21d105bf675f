import "server-only";
import { z } from "zod";
import { supersedeMemory } from "@/lib/memory/supersede-memory";
import { MemoryWriteRequestSchema } from "@/lib/memory/schemas";
import { defineMemoryWriteJob } from "@/lib/jobs/memory-write-job-definition";

/** A correction: the new memory replaces exactly one active memory of the user. */
export const supersedeMemoryJob = defineMemoryWriteJob({
  kind: "supersede",
  payload: z.object({ oldId: z.string().uuid(), request: MemoryWriteRequestSchema.omit({ userId: true }) }),
  perform: ({ oldId, request }, { job, correlationId, jobId, rateLimitCounted }) =>
    supersedeMemory({ correlationId, jobId, rateLimitCounted, userId: job.user_id, oldId, request }),
});
