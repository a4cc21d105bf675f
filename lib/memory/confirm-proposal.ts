import "server-only";
import { z } from "zod";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { insertMemoryEvent } from "@/lib/db/memory-events-sql";
import { redactMemoryItem, selectMemoryForUpdate, selectNearestActiveMemory, updateMemoryStatus } from "@/lib/db/memory-items-sql";
import type { SqlClient } from "@/lib/db/sql-client";
import { embedText } from "@/lib/embeddings/embed-text";
import { AppError } from "@/lib/errors";
import { checkWriteRateLimits } from "@/lib/memory/check-write-rate-limits";
import { runMemoryTransaction } from "@/lib/memory/run-memory-transaction";
import type { MemoryWriteResponse } from "@/lib/memory/schemas";
import { checkMemoryWrite } from "@/lib/write-policy/check-memory-write";

const OptionsSchema = z.object({ userId: z.string().uuid(), proposalId: z.string(), correlationId: z.string().uuid() });

async function lockPendingProposal(db: SqlClient, q: { userId: string; proposalId: string }) {
  const row = z.string().uuid().safeParse(q.proposalId).success
    ? await selectMemoryForUpdate(db, { userId: q.userId, id: q.proposalId })
    : null;
  // Another user's proposal is indistinguishable from a missing one.
  if (!row) throw new AppError("not_found", "That proposal does not exist.");
  if (row.status !== "pending") throw new AppError("conflict", "That proposal was already decided.");
  return row;
}

/**
 * The user accepts a pending proposal. It then takes the create path: rate limits, embedding,
 * duplicate check, and one transaction that activates the row (same id) with a `confirm`
 * audit row. A proposal that now duplicates an active memory is closed as superseded by that
 * memory (duplicate_skipped). Decidable once: AppError conflict afterwards, not_found if the
 * proposal is not the user's; a rate-limited confirmation leaves it pending.
 */
export async function confirmProposal(options: {
  userId: string;
  proposalId: string;
  correlationId: string;
}): Promise<MemoryWriteResponse> {
  const startedAt = performance.now();
  const { userId, proposalId, correlationId } = OptionsSchema.parse(options);
  const proposal = await lockPendingProposal(getDb(), { userId, proposalId });

  // A proposal stored before the policy refused such content is closed, its text redacted.
  const verdict = checkMemoryWrite({ content: proposal.content, memoryType: proposal.type, hasExpiry: proposal.expires_at !== null });
  if (!verdict.allowed) {
    const { result } = await runMemoryTransaction({
      userId,
      work: async (tx) => {
        const row = await lockPendingProposal(tx, { userId, proposalId });
        await redactMemoryItem(tx, { userId, id: row.id, content: verdict.preview, status: "rejected" });
        const event = await insertMemoryEvent(tx, {
          userId,
          memoryItemId: row.id,
          operation: "refuse",
          extractionType: "user_confirmed",
          afterContent: verdict.preview,
          reason: verdict.reason,
          correlationId,
          processingTimeMs: performance.now() - startedAt,
        });
        const result: MemoryWriteResponse = { action: "refused", proposalId, reason: verdict.reason, message: verdict.message };
        return { result, events: [event] };
      },
    });
    return result;
  }

  const limit = await checkWriteRateLimits({ userId, conversationId: proposal.source_conversation_id });
  if (!limit.allowed) return { action: "rate_limited", proposalId, remaining: 0, message: "Memory write limit reached." };

  const embedding = await embedText({ text: proposal.content });
  const { result } = await runMemoryTransaction({
    userId,
    work: async (tx) => {
      const row = await lockPendingProposal(tx, { userId, proposalId });
      const nearest = await selectNearestActiveMemory(tx, { userId, embedding, excludeId: row.id });
      const duplicate = nearest && nearest.similarity > config.memory.duplicateThreshold ? nearest : null;
      await updateMemoryStatus(tx, {
        userId,
        id: row.id,
        ...(duplicate
          ? { status: "superseded", supersededBy: duplicate.id }
          : { status: "active", embedding, confidence: 1 }),
      });
      const event = await insertMemoryEvent(tx, {
        userId,
        memoryItemId: row.id,
        operation: "confirm",
        confidence: 1,
        extractionType: "user_confirmed",
        afterContent: row.content,
        correlationId,
        processingTimeMs: performance.now() - startedAt,
      });
      const result: MemoryWriteResponse = duplicate
        ? { action: "duplicate_skipped", proposalId, duplicateOf: duplicate.id, content: duplicate.content }
        : { action: "created", proposalId, memoryId: row.id, content: row.content, remaining: limit.remaining };
      return { result, events: [event] };
    },
  });
  return result;
}
