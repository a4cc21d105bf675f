import "server-only";
import { z } from "zod";
import { insertMemoryEvent } from "@/lib/db/memory-events-sql";
import { softDeleteMemoryItems } from "@/lib/db/memory-items-sql";
import { runMemoryTransaction } from "@/lib/memory/run-memory-transaction";
import type { MemoryEvent } from "@/lib/memory/schemas";

const OptionsSchema = z.object({
  userId: z.string().uuid(),
  memoryIds: z.array(z.string()).max(100),
  correlationId: z.string().uuid(),
});

export const DeleteMemoriesResultSchema = z.object({
  deleted: z.array(z.string().uuid()),
  notFound: z.array(z.string()),
});
export type DeleteMemoriesResult = z.infer<typeof DeleteMemoriesResultSchema>;

/**
 * Soft-deletes exactly the named memories that belong to the user (status deleted, deleted_at)
 * with one `delete` audit row each holding the old content. It never searches: callers find
 * candidates with findDeleteCandidates and pass ids, so a fuzzy match can't delete the wrong
 * memory. Ids that are unknown, another user's, or already gone are reported in notFound.
 */
export async function deleteMemories(options: {
  userId: string;
  memoryIds: string[];
  correlationId: string;
  /** Internal: the queued job this write performs. */
  jobId?: string;
}): Promise<DeleteMemoriesResult> {
  const startedAt = performance.now();
  const { userId, memoryIds, correlationId } = OptionsSchema.parse(options);
  // Ids are compared as stored (lower case): "ABC…" and "abc…" are one memory, not one deleted and one not found.
  const unique = [...new Set(memoryIds.map((id) => id.toLowerCase()))];
  const ids = unique.filter((id) => z.string().uuid().safeParse(id).success);
  const { result } = await runMemoryTransaction({
    userId,
    jobId: options.jobId,
    work: async (tx) => {
      const rows = await softDeleteMemoryItems(tx, { userId, ids });
      const events: MemoryEvent[] = [];
      for (const row of rows) {
        events.push(
          await insertMemoryEvent(tx, {
            userId,
            memoryItemId: row.id,
            operation: "delete",
            extractionType: "user_action",
            beforeContent: row.content,
            correlationId,
            processingTimeMs: performance.now() - startedAt,
          }),
        );
      }
      const deleted = new Set(rows.map((r) => r.id));
      const result: DeleteMemoriesResult = {
        deleted: rows.map((r) => r.id),
        notFound: unique.filter((id) => !deleted.has(id)),
      };
      return { result, events };
    },
  });
  return result;
}
