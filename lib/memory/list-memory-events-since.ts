import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { selectMemoryEventsSince } from "@/lib/db/memory-events-sql";
import type { MemoryEvent } from "@/lib/memory/schemas";

const OptionsSchema = z.object({
  userId: z.union([z.string().uuid(), z.literal("all")]),
  afterSeq: z.union([z.string().regex(/^\d+$/), z.number().int().min(0)]).default("0").transform(String),
  limit: z.number().int().min(1).max(500).default(100),
});

/**
 * Audit rows with seq greater than `afterSeq`, oldest first: the SSE resume (Last-Event-ID)
 * and the Activity page's backlog. userId "all" is the admin feed; authorise before calling.
 */
export async function listMemoryEventsSince(options: {
  userId: string | "all";
  afterSeq?: string | number;
  limit?: number;
}): Promise<MemoryEvent[]> {
  const q = OptionsSchema.parse(options);
  return selectMemoryEventsSince(getDb(), q);
}
