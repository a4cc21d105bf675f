import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { scrubAllMemoryEvents } from "@/lib/db/memory-events-erase-sql";
import { selectMemoryIdsToErase } from "@/lib/db/memory-items-erase-sql";
import { selectOwnedMemoryIds } from "@/lib/db/memory-items-sql";
import { deleteAllJobsOfUser } from "@/lib/db/memory-write-jobs-erase-sql";
import { MemoryStatusSchema } from "@/lib/db/enums";
import { AppError } from "@/lib/errors";
import { runMemoryTransaction } from "@/lib/memory/run-memory-transaction";
import { EMPTY_ERASURE_COUNTS, eraseMemoryBatch } from "@/lib/user-data/erase-memory-batch";
import type { ErasureCounts, ErasureResult, ErasureScope } from "@/lib/user-data/schemas";

// Each batch is its own transaction (eraseMemoryBatch), so erasing a large account never holds
// one long transaction; a crash between batches leaves whole memories erased or untouched,
// and running the same request again finishes the job.
const BATCH = 100;
const MAX_BATCHES = 10_000;

const OptionsSchema = z.object({ userId: z.string().uuid(), correlationId: z.string().uuid() });

const add = (a: ErasureCounts, b: ErasureCounts): ErasureCounts =>
  Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v + b[k as keyof ErasureCounts]])) as ErasureCounts;

/**
 * Erases for good (eraseMemoryBatch says what that covers) one of the user's memories, all
 * their memories matching a text search (full-text or substring, any status), or all their
 * memories; each with its whole supersede chain. Erasing all also clears the text of every
 * remaining audit row (refusal previews) and deletes every queued write of the user.
 * Idempotent: what is already gone is skipped, so a retry after a crash completes the work.
 * A single memory that is not the user's (or no longer exists) is not_found.
 */
export async function eraseMemories(options: { userId: string; scope: ErasureScope; correlationId: string }): Promise<ErasureResult> {
  const { userId, correlationId } = OptionsSchema.parse(options);
  const { scope } = options;
  let counts = EMPTY_ERASURE_COUNTS;
  const memoryIds: string[] = [];

  if (scope.scope === "memory") {
    const [owned] = await selectOwnedMemoryIds(getDb(), { userId, ids: [scope.memoryId], statuses: MemoryStatusSchema.options });
    if (!owned) throw new AppError("not_found", "That memory does not exist or was already erased.");
    const batch = await eraseMemoryBatch({ userId, memoryIds: [owned], correlationId });
    return { dryRun: false, counts: batch.counts, memoryIds: batch.memoryIds };
  }

  const query = scope.scope === "search" ? scope.query : null;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const ids = await selectMemoryIdsToErase(getDb(), { userId, query, limit: BATCH });
    if (ids.length === 0) break;
    const batch = await eraseMemoryBatch({ userId, memoryIds: ids, correlationId });
    // Found but erased by someone else meanwhile (another tab): look again; nothing found: done.
    if (batch.memoryIds.length === 0 && ids.length < BATCH) break;
    counts = add(counts, batch.counts);
    memoryIds.push(...batch.memoryIds);
  }
  if (scope.scope === "all") {
    const { result } = await runMemoryTransaction({
      userId,
      work: async (tx) => ({
        result: { auditRows: await scrubAllMemoryEvents(tx, { userId }), writeJobs: await deleteAllJobsOfUser(tx, { userId }) },
        events: [],
      }),
    });
    counts = add(counts, { ...EMPTY_ERASURE_COUNTS, ...result });
  }
  return { dryRun: false, counts, memoryIds };
}
