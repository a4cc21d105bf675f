import "server-only";
import { getDb } from "@/lib/db/client";
import { selectMemoryHistory } from "@/lib/db/memory-events-sql";
import {
  selectMemoryItems,
  selectMemorySource,
  selectPredecessors,
  selectSuccessors,
} from "@/lib/db/memory-items-list-sql";
import { AppError } from "@/lib/errors";
import { messageText } from "@/lib/memory/message-text";
import type { MemoryDetail } from "@/lib/memory/view-schemas";

/**
 * Everything the memory detail page shows: the memory, "why was this saved?" (its source
 * conversation and message), its supersession chain both ways and its audit history.
 * Another user's memory is not_found, exactly like a missing one.
 */
export async function getMemoryDetail(options: { userId: string; memoryId: string }): Promise<MemoryDetail> {
  const { userId, memoryId } = options;
  const db = getDb();
  const [memory] = await selectMemoryItems(db, { userId, ids: [memoryId] });
  if (!memory) throw new AppError("not_found", "That memory does not exist.");

  const [source, predecessors, successors, history] = await Promise.all([
    memory.sourceConversationId
      ? selectMemorySource(db, { userId, conversationId: memory.sourceConversationId, messageId: memory.sourceMessageId })
      : null,
    selectPredecessors(db, { userId, id: memoryId }),
    selectSuccessors(db, { userId, id: memoryId }),
    selectMemoryHistory(db, { userId, memoryId }),
  ]);

  return {
    memory,
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
  };
}
