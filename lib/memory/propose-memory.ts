import "server-only";
import { toMemoryItemInsert } from "@/lib/memory/to-memory-item-insert";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { config } from "@/lib/config";
import { insertMemoryEvent } from "@/lib/db/memory-events-sql";
import { insertMemoryItem, selectNearestActiveMemory } from "@/lib/db/memory-items-sql";
import { embedText } from "@/lib/embeddings/embed-text";
import { refuseMemoryWrite } from "@/lib/memory/refuse-memory-write";
import { runMemoryTransaction } from "@/lib/memory/run-memory-transaction";
import {
  MemoryWriteRequestSchema,
  type MemoryWriteRequestInput,
  type MemoryWriteResponse,
} from "@/lib/memory/schemas";

/**
 * Stores a medium-confidence memory as a `pending` proposal (never returned by search) with a
 * `propose` audit row, and answers confirm_needed with its proposalId for the user to confirm
 * or reject. Rate limits apply at confirmation, when the memory would become real. A proposal
 * that repeats an active memory is answered with duplicate_skipped instead of asking.
 */
export async function proposeMemory(options: {
  request: MemoryWriteRequestInput;
  correlationId: string;
}): Promise<MemoryWriteResponse> {
  const startedAt = performance.now();
  const request = MemoryWriteRequestSchema.parse(options.request);
  const correlationId = z.string().uuid().parse(options.correlationId);
  const { userId } = request;
  // A proposal is stored (as pending) too, so the policy applies before it exists.
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
  if (refused) return refused;
  const embedding = await embedText({ text: request.content });
  const { result } = await runMemoryTransaction({
    userId,
    work: async (tx) => {
      const nearest = await selectNearestActiveMemory(tx, { userId, embedding });
      if (nearest && nearest.similarity > config.memory.duplicateThreshold) {
        const result: MemoryWriteResponse = { action: "duplicate_skipped", duplicateOf: nearest.id, content: nearest.content };
        return { result, events: [] };
      }
      const proposalId = randomUUID();
      await insertMemoryItem(tx, toMemoryItemInsert({ id: proposalId, request, embedding, status: "pending" }));
      const event = await insertMemoryEvent(tx, {
        userId,
        memoryItemId: proposalId,
        operation: "propose",
        confidence: request.confidence,
        extractionType: request.extractionType,
        afterContent: request.content,
        correlationId,
        processingTimeMs: performance.now() - startedAt,
      });
      const result: MemoryWriteResponse = { action: "confirm_needed", proposalId, content: request.content };
      return { result, events: [event] };
    },
  });
  return result;
}
