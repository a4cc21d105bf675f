import { z } from "zod";

/**
 * What the memory tools return, as far as the offline agent needs it. Parsed leniently
 * (passthrough, optional fields): a result this model cannot read is answered generically,
 * never thrown on, since the tools and this model evolve separately.
 */
export const SaveResultSchema = z.looseObject({
  action: z.string().optional(),
  content: z.string().optional(),
  proposal_id: z.string().optional(),
  supersedes: z.string().optional(),
  reason: z.string().optional(),
  message: z.string().optional(),
  error: z.string().optional(),
});

export const MemoryHitSchema = z.looseObject({
  id: z.string(),
  content: z.string(),
  type: z.string().optional(),
  score: z.number().optional(),
});
export type MemoryHit = z.infer<typeof MemoryHitSchema>;

export const QueryResultSchema = z.looseObject({
  memories: z.array(MemoryHitSchema).optional(),
  error: z.string().optional(),
});

export const DeleteResultSchema = z.looseObject({
  candidates: z.array(MemoryHitSchema).optional(),
  action: z.string().optional(),
  count: z.number().optional(),
  memory_ids: z.array(z.string()).optional(),
  message: z.string().optional(),
  error: z.string().optional(),
});

export const SaveInputSchema = z.looseObject({
  content: z.string().catch(""),
  memory_type: z.string().catch("fact"),
  confidence: z.number().catch(0.8),
  importance: z.number().catch(0.5),
  supersedes: z.string().optional().catch(undefined),
  expires_at: z.string().optional().catch(undefined),
});

export const DeleteInputSchema = z.looseObject({
  description: z.string().catch(""),
  confirm: z.boolean().catch(false),
});
