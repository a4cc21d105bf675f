import "server-only";
import type { MemoryWriteJobKind } from "@/lib/db/enums";
import { createMemoryJob } from "@/lib/jobs/definitions/create-memory-job";
import { deleteMemoriesJob } from "@/lib/jobs/definitions/delete-memories-job";
import { episodeSummaryJob } from "@/lib/jobs/definitions/episode-summary-job";
import { supersedeMemoryJob } from "@/lib/jobs/definitions/supersede-memory-job";

/** Every job kind's definition, by kind: a new kind is a file in definitions/ plus a line here. */
export const MEMORY_WRITE_JOBS = {
  create: createMemoryJob,
  supersede: supersedeMemoryJob,
  delete: deleteMemoriesJob,
  episode: episodeSummaryJob,
} as const satisfies { [K in MemoryWriteJobKind]: { kind: K } };
