import "server-only";
import { z } from "zod";
import { createEpisodeSummary } from "@/lib/memory/create-episode-summary";
import { defineMemoryWriteJob } from "@/lib/jobs/memory-write-job-definition";

/** A long conversation's one episode summary (nothing when it is not due or already exists). */
export const episodeSummaryJob = defineMemoryWriteJob({
  kind: "episode",
  payload: z.object({ conversationId: z.string().uuid() }),
  perform: async ({ conversationId }, { job, correlationId, jobId }) =>
    (await createEpisodeSummary({ correlationId, jobId, userId: job.user_id, conversationId })) ?? { action: "discarded" },
});
