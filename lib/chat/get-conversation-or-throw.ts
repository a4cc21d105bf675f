import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ConversationSummary } from "@/lib/chat/schemas";

/** The user's own conversation; another user's id is indistinguishable from a missing one. */
export async function getConversationOrThrow(options: { userId: string; conversationId: string }): Promise<ConversationSummary> {
  const conversation = await getDb().conversation.findFirst({
    where: { id: options.conversationId, userId: options.userId },
    select: { id: true, title: true, createdAt: true, updatedAt: true },
  });
  if (!conversation) throw new AppError("not_found", "Conversation not found.");
  return conversation;
}
