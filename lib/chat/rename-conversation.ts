import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export async function renameConversation(options: { userId: string; conversationId: string; title: string }) {
  const { count } = await getDb().conversation.updateMany({
    where: { id: options.conversationId, userId: options.userId },
    data: { title: options.title },
  });
  if (count === 0) throw new AppError("not_found", "Conversation not found.");
}
