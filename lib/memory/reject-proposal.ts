import "server-only";
import { z } from "zod";
import { insertMemoryEvent } from "@/lib/db/memory-events-sql";
import { selectMemoryForUpdate, updateMemoryStatus } from "@/lib/db/memory-items-sql";
import { AppError } from "@/lib/errors";
import { runMemoryTransaction } from "@/lib/memory/run-memory-transaction";
import type { MemoryWriteResponse } from "@/lib/memory/schemas";

const OptionsSchema = z.object({ userId: z.string().uuid(), proposalId: z.string(), correlationId: z.string().uuid() });

/**
 * The user declines a pending proposal: status rejected, with a `reject` audit row. Decidable
 * once (AppError conflict afterwards); not_found when it is not the user's.
 */
export async function rejectProposal(options: {
  userId: string;
  proposalId: string;
  correlationId: string;
}): Promise<MemoryWriteResponse> {
  const startedAt = performance.now();
  const { userId, proposalId, correlationId } = OptionsSchema.parse(options);
  if (!z.string().uuid().safeParse(proposalId).success) throw new AppError("not_found", "That proposal does not exist.");
  const { result } = await runMemoryTransaction({
    userId,
    work: async (tx) => {
      const row = await selectMemoryForUpdate(tx, { userId, id: proposalId });
      if (!row) throw new AppError("not_found", "That proposal does not exist.");
      if (row.status !== "pending") throw new AppError("conflict", "That proposal was already decided.");
      await updateMemoryStatus(tx, { userId, id: row.id, status: "rejected" });
      const event = await insertMemoryEvent(tx, {
        userId,
        memoryItemId: row.id,
        operation: "reject",
        extractionType: "user_action",
        beforeContent: row.content,
        correlationId,
        processingTimeMs: performance.now() - startedAt,
      });
      const result: MemoryWriteResponse = { action: "discarded", proposalId, content: row.content };
      return { result, events: [event] };
    },
  });
  return result;
}
