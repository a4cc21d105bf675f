import { z } from "zod";
import { MemoryWriteJobKindSchema, MemoryWriteJobStatusSchema } from "@/lib/db/enums";
import { MemoryWriteResponseSchema } from "@/lib/memory/schemas";
import { DeleteResultSchema } from "@/lib/memory/view-schemas";

// The queued-write shapes the browser reads too (the chat's memory chip, the live stream's
// `write` hints). Not server-only: client components import these, never copies of them.

/** GET /api/memory-writes/:id: where a queued write stands. */
export const MemoryWriteStatusSchema = z.object({
  id: z.string().uuid(),
  kind: MemoryWriteJobKindSchema,
  status: MemoryWriteJobStatusSchema,
  attempts: z.number().int(),
  /** The write's response once done (e.g. { action: "created", memoryId }). */
  result: z.unknown().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type MemoryWriteStatus = z.infer<typeof MemoryWriteStatusSchema>;

/** A done write's `result`: a create's or supersede's response, or a delete's ids. */
export const MemoryWriteResultSchema = z.union([DeleteResultSchema, MemoryWriteResponseSchema]);
export type MemoryWriteResult = z.infer<typeof MemoryWriteResultSchema>;
