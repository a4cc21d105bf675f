import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * Deletes the conversation and its messages. Memories saved from it stay (they are the
 * user's, and are deleted on the Memories page); their source links become empty.
 */
export async function deleteConversation(options: { userId: string; conversationId: string }) {
  const { count } = await getDb().conversation.deleteMany({
    where: { id: options.conversationId, userId: options.userId },
  });
  if (count === 0) throw new AppError("not_found", "Conversation not found.");
}
