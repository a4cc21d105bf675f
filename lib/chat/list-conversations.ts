import "server-only";
import { getDb } from "@/lib/db/client";
import type { ConversationSummary } from "@/lib/chat/schemas";

export async function listConversations(options: { userId: string; limit?: number }): Promise<ConversationSummary[]> {
  return getDb().conversation.findMany({
    where: { userId: options.userId },
    orderBy: { updatedAt: "desc" },
    take: Math.min(options.limit ?? 100, 200),
    select: { id: true, title: true, createdAt: true, updatedAt: true },
  });
}
