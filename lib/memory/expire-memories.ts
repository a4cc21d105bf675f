import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { insertMemoryEvent } from "@/lib/db/memory-events-sql";
import { expireDueMemoryItems, selectUsersWithDueExpiry } from "@/lib/db/memory-items-expiry-sql";
import { runMemoryTransaction } from "@/lib/memory/run-memory-transaction";
import type { MemoryEvent } from "@/lib/memory/schemas";

const OptionsSchema = z.object({
  now: z.date().optional(),
  /** Only this user's memories (tests); all users when absent. */
  userId: z.string().uuid().optional(),
  maxUsers: z.number().int().min(1).max(1000).default(100),
  maxPerUser: z.number().int().min(1).max(10_000).default(500),
});

/**
 * The expiry sweep: marks active and pending memories past their `expires_at` as `expired`,
 * each with an `expire` audit row (extraction type `expiry`, the content as it was). Search,
 * recall and dedup already ignore them from the moment they are due (the expires_at filters
 * in the SQL); this makes the status say so and tells the live feed. Each user's memories are
 * expired in one transaction under that user's write lock, so audit rows stay in seq order
 * and two replicas sweeping at once expire each memory once (the second finds nothing).
 * Cheap when nothing is due: one index range scan on expires_at.
 */
export async function expireMemories(options: z.input<typeof OptionsSchema> = {}): Promise<{ expired: number; users: number }> {
  const { now = new Date(), userId, maxUsers, maxPerUser } = OptionsSchema.parse(options);
  const correlationId = randomUUID();
  const userIds = userId ? [userId] : await selectUsersWithDueExpiry(getDb(), { now, limit: maxUsers });
  let expired = 0;
  for (const id of userIds) {
    const startedAt = performance.now();
    const { result } = await runMemoryTransaction({
      userId: id,
      work: async (tx) => {
        const rows = await expireDueMemoryItems(tx, { userId: id, now, limit: maxPerUser });
        const events: MemoryEvent[] = [];
        for (const row of rows) {
          events.push(
            await insertMemoryEvent(tx, {
              userId: id,
              memoryItemId: row.id,
              operation: "expire",
              extractionType: "expiry",
              beforeContent: row.content,
              correlationId,
              processingTimeMs: performance.now() - startedAt,
            }),
          );
        }
        return { result: rows.length, events };
      },
    });
    expired += result;
  }
  return { expired, users: userIds.length };
}
