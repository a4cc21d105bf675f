import "server-only";
import { getDb } from "@/lib/db/client";
import { selectMemoryHistory } from "@/lib/db/memory-events-sql";
import { selectMemoryExpiry } from "@/lib/db/memory-items-expiry-sql";
import {
  selectMemoryItems,
  selectMemorySource,
  selectPredecessors,
  selectSuccessors,
} from "@/lib/db/memory-items-list-sql";
import { selectMemoryUsage } from "@/lib/db/memory-recalls-sql";
import { AppError } from "@/lib/errors";
import { messageText } from "@/lib/memory/message-text";
import type { MemoryDetail } from "@/lib/memory/view-schemas";

/**
 * Everything the memory detail page shows: the memory, "why was this saved?" (its source
 * conversation and message), its supersession chain both ways, its audit history, and the
 * answers it was recalled into ("Used in N answers").
 * Another user's memory is not_found, exactly like a missing one.
 */
export async function getMemoryDetail(options: { userId: string; memoryId: string }): Promise<MemoryDetail> {
  const { userId, memoryId } = options;
  const db = getDb();
  const [memory] = await selectMemoryItems(db, { userId, ids: [memoryId] });
  if (!memory) throw new AppError("not_found", "That memory does not exist.");

  const [source, predecessors, successors, history, usage, expiry] = await Promise.all([
    memory.sourceConversationId
      ? selectMemorySource(db, { userId, conversationId: memory.sourceConversationId, messageId: memory.sourceMessageId })
      : null,
    selectPredecessors(db, { userId, id: memoryId }),
    selectSuccessors(db, { userId, id: memoryId }),
    selectMemoryHistory(db, { userId, memoryId }),
    selectMemoryUsage(db, { userId, memoryId, limit: 20 }),
    selectMemoryExpiry(db, { userId, id: memoryId }),
  ]);

  return {
    memory,
    expiresAt: expiry?.expires_at?.toISOString() ?? null,
    source: source
      ? {
          conversationId: source.conversation_id,
          conversationTitle: source.title,
          messageId: source.message_id,
          messageText: source.parts ? messageText(source.parts) : null,
          messageAt: source.message_at?.toISOString() ?? null,
        }
      : null,
    predecessors,
    successors,
    history,
    usage: {
      total: usage.total,
      answers: usage.answers.map((a) => ({
        messageId: a.message_id,
        conversationId: a.conversation_id,
        conversationTitle: a.title,
        at: a.created_at.toISOString(),
      })),
    },
  };
}
