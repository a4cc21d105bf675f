import { z } from "zod";
import { MemoryStatusSchema, MemoryTypeSchema } from "@/lib/db/enums";

/** One memory put in front of the model for an answer; `n` is the [n] the answer cites it by. */
export const RecalledMemorySchema = z.object({
  n: z.number().int().min(1),
  id: z.string().uuid(),
  content: z.string(),
  type: MemoryTypeSchema,
  /** Hybrid-search relevance (cosine, 0..1); null for standing memories. */
  relevance: z.number().nullable(),
  /** Included whatever was asked (an answer-style preference, a high-importance fact). */
  standing: z.boolean(),
  /** The memory's status now, when read back later (deleted memories still show as deleted). */
  status: MemoryStatusSchema.optional(),
});
export type RecalledMemory = z.infer<typeof RecalledMemorySchema>;
