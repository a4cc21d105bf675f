import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { selectOwnedMemoryIds } from "@/lib/db/memory-items-sql";
import { MemoryStatusSchema, type MemoryStatus } from "@/lib/db/enums";

const OptionsSchema = z.object({
  userId: z.string().uuid(),
  memoryIds: z.array(z.string()).max(100),
  statuses: z.array(MemoryStatusSchema).min(1).default(["active"]),
});

/**
 * The subset of ids that are this user's memories in one of `statuses` (default active), in
 * the order given. Lets a tool refuse another user's or an already-deleted id before queueing.
 */
export async function filterOwnedMemoryIds(options: {
  userId: string;
  memoryIds: string[];
  statuses?: MemoryStatus[];
}): Promise<string[]> {
  const { userId, memoryIds, statuses } = OptionsSchema.parse(options);
  const ids = [...new Set(memoryIds)].filter((id) => z.string().uuid().safeParse(id).success);
  return selectOwnedMemoryIds(getDb(), { userId, ids, statuses });
}
