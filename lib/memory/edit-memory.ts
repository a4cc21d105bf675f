import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { insertMemoryEvent } from "@/lib/db/memory-events-sql";
import { selectMemoryExpiry } from "@/lib/db/memory-items-expiry-sql";
import { insertMemoryItem, updateMemoryStatus } from "@/lib/db/memory-items-sql";
import { embedText } from "@/lib/embeddings/embed-text";
import { AppError } from "@/lib/errors";
import { refuseMemoryWrite } from "@/lib/memory/refuse-memory-write";
import { runMemoryTransaction } from "@/lib/memory/run-memory-transaction";
import { MemoryContentSchema, MemoryWriteRequestSchema } from "@/lib/memory/schemas";
import { toMemoryItemInsert } from "@/lib/memory/to-memory-item-insert";
import { EditableMemoryTypeSchema } from "@/lib/memory/edit-schemas";

const OptionsSchema = z.object({
  userId: z.string().uuid(),
  memoryId: z.string().uuid(),
  content: MemoryContentSchema.optional(),
  memoryType: EditableMemoryTypeSchema.optional(),
  correlationId: z.string().uuid(),
});

export type EditMemoryResult = {
  /** `unchanged` when the text and type given are the memory's own: nothing is written. */
  action: "edited" | "unchanged";
  /** The memory that now holds the claim: the new version, or the same one when unchanged. */
  memoryId: string;
  previousId: string;
};

const notFound = () => new AppError("not_found", "That memory does not exist.");

/**
 * The user corrects one of their active memories from its page: a new version replaces it
 * (a supersede, never an update in place), audited as the user's own edit (extraction type
 * `user_edit`, confidence 1). The write policy applies as to any write; a refusal is a 422
 * with the policy's message and leaves only its `refuse` audit row. The new version keeps the
 * memory's importance, provenance and expiry. No rate-limit slot is spent: those bound what
 * the agent writes, and this is the user acting. not_found for another user's memory,
 * conflict when it is no longer active.
 */
export async function editMemory(options: z.input<typeof OptionsSchema>): Promise<EditMemoryResult> {
  const startedAt = performance.now();
  const { userId, memoryId, correlationId, ...changes } = OptionsSchema.parse(options);
  const current = await selectMemoryExpiry(getDb(), { userId, id: memoryId });
  if (!current) throw notFound();
  if (current.status !== "active") throw new AppError("conflict", `That memory is ${current.status}; only active memories can be edited.`);
  if (current.type === "episode" && changes.memoryType) {
    throw new AppError("validation_failed", "A conversation summary keeps its type; only its text can be edited.");
  }
  const content = changes.content ?? current.content;
  const memoryType = changes.memoryType ?? current.type;
  if (content === current.content && memoryType === current.type) return { action: "unchanged", memoryId, previousId: memoryId };

  const request = MemoryWriteRequestSchema.parse({
    userId,
    content,
    memoryType,
    confidence: 1,
    importance: current.importance,
    sourceMessageId: current.source_message_id ?? undefined,
    sourceConversationId: current.source_conversation_id ?? undefined,
    extractionType: "user_edit",
    expiresAt: current.expires_at?.toISOString(),
  });
  const refused = await refuseMemoryWrite({
    userId,
    content: request.content,
    memoryType: request.memoryType,
    hasExpiry: request.expiresAt !== undefined,
    confidence: request.confidence,
    extractionType: request.extractionType,
    correlationId,
    startedAt,
  });
  if (refused) throw new AppError("validation_failed", refused.message ?? "Not saved: the write policy refused it.", { reason: refused.reason });

  const embedding = await embedText({ text: request.content });
  const { result } = await runMemoryTransaction({
    userId,
    work: async (tx) => {
      const old = await selectMemoryExpiry(tx, { userId, id: memoryId, forUpdate: true });
      if (!old) throw notFound();
      if (old.status !== "active") throw new AppError("conflict", `That memory is ${old.status}; only active memories can be edited.`);
      const newId = randomUUID();
      await insertMemoryItem(tx, toMemoryItemInsert({ id: newId, request, embedding, status: "active" }));
      await updateMemoryStatus(tx, { userId, id: memoryId, status: "superseded", supersededBy: newId });
      const common = { userId, correlationId, confidence: 1, extractionType: "user_edit" as const };
      const events = [
        await insertMemoryEvent(tx, {
          ...common,
          memoryItemId: memoryId,
          operation: "supersede",
          beforeContent: old.content,
          afterContent: request.content,
          processingTimeMs: performance.now() - startedAt,
        }),
        await insertMemoryEvent(tx, {
          ...common,
          memoryItemId: newId,
          operation: "create",
          afterContent: request.content,
          processingTimeMs: performance.now() - startedAt,
        }),
      ];
      const result: EditMemoryResult = { action: "edited", memoryId: newId, previousId: memoryId };
      return { result, events };
    },
  });
  return result;
}
