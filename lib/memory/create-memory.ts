import "server-only";
import { toMemoryItemInsert } from "@/lib/memory/to-memory-item-insert";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { config } from "@/lib/config";
import { insertMemoryEvent } from "@/lib/db/memory-events-sql";
import { insertMemoryItem, selectNearestActiveMemory } from "@/lib/db/memory-items-sql";
import { embedText } from "@/lib/embeddings/embed-text";
import { checkWriteRateLimits } from "@/lib/memory/check-write-rate-limits";
import { refuseMemoryWrite } from "@/lib/memory/refuse-memory-write";
import { runMemoryTransaction } from "@/lib/memory/run-memory-transaction";
import {
  MemoryWriteRequestSchema,
  type MemoryWriteRequestInput,
  type MemoryWriteResponse,
} from "@/lib/memory/schemas";

const CorrelationIdSchema = z.string().uuid();

export type CreateMemoryOptions = {
  request: MemoryWriteRequestInput;
  correlationId: string;
  /** Internal: the queued job this write performs; it is marked done in the same transaction. */
  jobId?: string;
  /** Internal: a retried job already used its rate-limit slot on its first attempt. */
  rateLimitCounted?: boolean;
};

/**
 * The spec's create path: both rate limits → embed → duplicate check against the user's active
 * memories (cosine > MEMORY_DUPLICATE_THRESHOLD → duplicate_skipped, nothing written) → insert
 * the memory and its `create` audit row in one transaction → `created`. Database errors come
 * back as `failed`, logged with the correlation id.
 */
export async function createMemory(options: CreateMemoryOptions): Promise<MemoryWriteResponse> {
  const startedAt = performance.now();
  const request = MemoryWriteRequestSchema.parse(options.request);
  const correlationId = CorrelationIdSchema.parse(options.correlationId);
  const { userId } = request;

  // The write policy comes first: a refused write spends no rate-limit slot and stores nothing but its audit row.
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
  if (!limit.allowed) {
    return {
      action: "rate_limited",
      remaining: 0,
      message:
        limit.scope === "conversation"
          ? "This conversation has reached its memory write limit."
          : "Too many memories written in the last hour; try again later.",
    };
  }

  const embedding = await embedText({ text: request.content });
  const { result } = await runMemoryTransaction({
    userId,
    jobId: options.jobId,
    work: async (tx) => {
      const nearest = await selectNearestActiveMemory(tx, { userId, embedding });
      if (nearest && nearest.similarity > config.memory.duplicateThreshold) {
        const result: MemoryWriteResponse = {
          action: "duplicate_skipped",
          duplicateOf: nearest.id,
          content: nearest.content,
          remaining: limit.remaining,
        };
        return { result, events: [] };
      }
      const memoryId = randomUUID();
      await insertMemoryItem(tx, toMemoryItemInsert({ id: memoryId, request, embedding, status: "active" }));
      const event = await insertMemoryEvent(tx, {
        userId,
        memoryItemId: memoryId,
        operation: "create",
        confidence: request.confidence,
        extractionType: request.extractionType,
        afterContent: request.content,
        correlationId,
        processingTimeMs: performance.now() - startedAt,
      });
      const result: MemoryWriteResponse = { action: "created", memoryId, content: request.content, remaining: limit.remaining };
      return { result, events: [event] };
    },
  });
  return result;
}
