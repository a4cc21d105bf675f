import "server-only";
import { z } from "zod";
import { createMemory } from "@/lib/memory/create-memory";
import { MemoryWriteRequestSchema } from "@/lib/memory/schemas";
import { defineMemoryWriteJob } from "@/lib/jobs/memory-write-job-definition";

/** save_memory at high confidence: the create path (rate limits, dedup, insert + audit). */
export const createMemoryJob = defineMemoryWriteJob({
  kind: "create",
  payload: z.object({ request: MemoryWriteRequestSchema.omit({ userId: true }) }),
  perform: ({ request }, { job, correlationId, jobId, rateLimitCounted }) =>
    createMemory({ correlationId, jobId, rateLimitCounted, request: { ...request, userId: job.user_id } }),
});
