import "server-only";
import { toMemoryItemInsert } from "@/lib/memory/to-memory-item-insert";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { insertMemoryEvent } from "@/lib/db/memory-events-sql";
import { insertMemoryItem, selectMemoryForUpdate, updateMemoryStatus } from "@/lib/db/memory-items-sql";
import { embedText } from "@/lib/embeddings/embed-text";
import { normaliseForEmbedding } from "@/lib/embeddings/text-tokens";
import { AppError } from "@/lib/errors";
import { checkWriteRateLimits } from "@/lib/memory/check-write-rate-limits";
import { refuseMemoryWrite } from "@/lib/memory/refuse-memory-write";
import { runMemoryTransaction } from "@/lib/memory/run-memory-transaction";
import {
  MemoryWriteRequestSchema,
  type MemoryWriteRequestInput,
  type MemoryWriteResponse,
} from "@/lib/memory/schemas";

const OptionsSchema = z.object({ userId: z.string().uuid(), oldId: z.string(), correlationId: z.string().uuid() });

export type SupersedeMemoryOptions = {
  userId: string;
  oldId: string;
  /** The replacement; its userId, if given, is ignored in favour of `userId`. */
  request: Omit<MemoryWriteRequestInput, "userId"> & { userId?: string };
  correlationId: string;
  /** Internal: the queued job this write performs. */
  jobId?: string;
  /** Internal: a retried job already used its rate-limit slot on its first attempt. */
  rateLimitCounted?: boolean;
};

/**
 * Replaces an active memory of the user with a corrected one, in one transaction: the new item,
 * the old item marked `superseded` pointing at it, a `supersede` audit row on the old (before →
 * after) and a `create` row on the new. Throws AppError not_found when the old memory is not
 * this user's (nothing changes) and conflict when it is no longer active.
 */
export async function supersedeMemory(options: SupersedeMemoryOptions): Promise<MemoryWriteResponse> {
  const startedAt = performance.now();
  const { userId, oldId, correlationId } = OptionsSchema.parse(options);
  const request = MemoryWriteRequestSchema.parse({ extractionType: "correction", ...options.request, userId });
  if (!z.string().uuid().safeParse(oldId).success) throw new AppError("not_found", "That memory does not exist.");
  // Who owns the old memory is settled before the policy, so a refusal never answers for someone else's memory.
  const current = await selectMemoryForUpdate(getDb(), { userId, id: oldId });
  if (!current) throw new AppError("not_found", "That memory does not exist.");
  if (current.status !== "active") throw new AppError("conflict", `That memory is ${current.status}, not active.`);
  const refused = await refuseMemoryWrite({
    userId,
    content: request.content,
    memoryType: request.memoryType,
    hasExpiry: request.expiresAt !== undefined,
    confidence: request.confidence,
    extractionType: request.extractionType,
    correlationId,
    jobId: options.jobId,
    startedAt,
  });
  if (refused) return refused;

  const limit = options.rateLimitCounted
    ? { allowed: true, remaining: -1 }
    : await checkWriteRateLimits({ userId, conversationId: request.sourceConversationId });
  if (!limit.allowed) return { action: "rate_limited", remaining: 0, message: "Memory write limit reached." };

  const embedding = await embedText({ text: request.content });
  const { result } = await runMemoryTransaction({
    userId,
    jobId: options.jobId,
    work: async (tx) => {
      const old = await selectMemoryForUpdate(tx, { userId, id: oldId });
      if (!old) throw new AppError("not_found", "That memory does not exist.");
      if (old.status !== "active") throw new AppError("conflict", `That memory is ${old.status}, not active.`);
      if (normaliseForEmbedding(old.content).join(" ") === normaliseForEmbedding(request.content).join(" ")) {
        const result: MemoryWriteResponse = { action: "duplicate_skipped", duplicateOf: old.id, content: old.content };
        return { result, events: [] };
      }
      const memoryId = randomUUID();
      await insertMemoryItem(tx, toMemoryItemInsert({ id: memoryId, request, embedding, status: "active" }));
      await updateMemoryStatus(tx, { userId, id: old.id, status: "superseded", supersededBy: memoryId });
      const common = { userId, correlationId, confidence: request.confidence, extractionType: request.extractionType };
      const supersedeEvent = await insertMemoryEvent(tx, {
        ...common,
        memoryItemId: old.id,
        operation: "supersede",
        beforeContent: old.content,
        afterContent: request.content,
        processingTimeMs: performance.now() - startedAt,
      });
      const createEvent = await insertMemoryEvent(tx, {
        ...common,
        memoryItemId: memoryId,
        operation: "create",
        afterContent: request.content,
        processingTimeMs: performance.now() - startedAt,
      });
      const result: MemoryWriteResponse = { action: "created", memoryId, content: request.content, remaining: limit.remaining };
      return { result, events: [supersedeEvent, createEvent] };
    },
  });
  return result;
}
