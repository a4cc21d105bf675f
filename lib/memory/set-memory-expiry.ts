import "server-only";
import { z } from "zod";
import { insertMemoryEvent } from "@/lib/db/memory-events-sql";
import { selectMemoryExpiry, updateMemoryExpiry } from "@/lib/db/memory-items-expiry-sql";
import { AppError } from "@/lib/errors";
import { runMemoryTransaction } from "@/lib/memory/run-memory-transaction";
import type { MemoryEvent } from "@/lib/memory/schemas";

const OptionsSchema = z.object({
  userId: z.string().uuid(),
  memoryId: z.string().uuid(),
  expiresAt: z.date().nullable(),
  correlationId: z.string().uuid(),
});

const MAX_AHEAD_MS = 10 * 365 * 24 * 3600 * 1000;

/** How an expiry reads in the audit row: the moment, never the memory's content. */
const describeExpiry = (at: Date | null) => (at ? `expires ${at.toISOString()}` : "no expiry");

/**
 * Sets or clears the expiry of one of the user's active or pending memories, in place: the
 * claim itself does not change, only how long it counts, so no new version is made. Audited as
 * an `expire` row with extraction type `user_action` whose before/after are the old and new
 * expiry (the sweep's own `expire` rows have extraction type `expiry`). An unchanged expiry
 * writes nothing. not_found for another user's memory, conflict when it is no longer active
 * or pending, validation_failed for a moment that is not in the future (within ten years).
 */
export async function setMemoryExpiry(options: z.input<typeof OptionsSchema>): Promise<{ memoryId: string; expiresAt: string | null }> {
  const startedAt = performance.now();
  const { userId, memoryId, expiresAt, correlationId } = OptionsSchema.parse(options);
  if (expiresAt && (expiresAt.getTime() <= Date.now() || expiresAt.getTime() > Date.now() + MAX_AHEAD_MS)) {
    throw new AppError("validation_failed", "The expiry must be a moment in the future, within ten years.");
  }
  const { result } = await runMemoryTransaction({
    userId,
    work: async (tx) => {
      const row = await selectMemoryExpiry(tx, { userId, id: memoryId, forUpdate: true });
      if (!row) throw new AppError("not_found", "That memory does not exist.");
      if (row.status !== "active" && row.status !== "pending") {
        throw new AppError("conflict", `That memory is ${row.status}; only active or pending memories can expire.`);
      }
      const result = { memoryId, expiresAt: expiresAt?.toISOString() ?? null };
      if ((row.expires_at?.getTime() ?? null) === (expiresAt?.getTime() ?? null)) return { result, events: [] as MemoryEvent[] };
      await updateMemoryExpiry(tx, { userId, id: memoryId, expiresAt });
      const event = await insertMemoryEvent(tx, {
        userId,
        memoryItemId: memoryId,
        operation: "expire",
        extractionType: "user_action",
        beforeContent: describeExpiry(row.expires_at),
        afterContent: describeExpiry(expiresAt),
        correlationId,
        processingTimeMs: performance.now() - startedAt,
      });
      return { result, events: [event] };
    },
  });
  return result;
}
