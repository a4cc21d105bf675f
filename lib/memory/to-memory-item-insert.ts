import type { MemoryItemInsert } from "@/lib/db/memory-items-sql";
import type { Embedding } from "@/lib/db/sql-client";
import type { MemoryWriteRequest } from "@/lib/memory/schemas";

/** The memory_items row a parsed write request becomes (create, supersede and propose share it). */
export function toMemoryItemInsert(options: {
  id: string;
  request: MemoryWriteRequest;
  embedding: Embedding | null;
  status: MemoryItemInsert["status"];
}): MemoryItemInsert {
  const { id, request, embedding, status } = options;
  return {
    id,
    userId: request.userId,
    content: request.content,
    type: request.memoryType,
    embedding,
    importance: request.importance,
    confidence: request.confidence,
    sourceMessageId: request.sourceMessageId,
    sourceConversationId: request.sourceConversationId,
    expiresAt: request.expiresAt ? new Date(request.expiresAt) : null,
    status,
  };
}
