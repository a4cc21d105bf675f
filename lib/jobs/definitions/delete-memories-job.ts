import "server-only";
import { z } from "zod";
import { deleteMemories } from "@/lib/memory/delete-memories";
import { defineMemoryWriteJob } from "@/lib/jobs/memory-write-job-definition";

/** The most ids one delete job carries (delete_memory splits larger confirmations). */
export const MAX_DELETE_IDS_PER_JOB = 100;

/** A confirmed "forget …": soft-deletes exactly the listed memories of the user. */
export const deleteMemoriesJob = defineMemoryWriteJob({
  kind: "delete",
  payload: z.object({ memoryIds: z.array(z.string()).min(1).max(MAX_DELETE_IDS_PER_JOB) }),
  perform: ({ memoryIds }, { job, correlationId, jobId }) =>
    deleteMemories({ correlationId, jobId, userId: job.user_id, memoryIds }),
});
