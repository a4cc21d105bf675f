import "server-only";
import type { UIMessage } from "ai";
import { getDb } from "@/lib/db/client";
import { StoredPartsSchema } from "@/lib/chat/schemas";

/** The conversation's messages as AI SDK UI messages, oldest first, for the owner only. */
export async function listMessages(options: { userId: string; conversationId: string }): Promise<UIMessage[]> {
  const rows = await getDb().message.findMany({
    where: { conversationId: options.conversationId, userId: options.userId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, role: true, parts: true, createdAt: true },
  });
  return rows.map((row) => ({
    id: row.id,
    role: row.role === "assistant" ? "assistant" : "user",
    parts: StoredPartsSchema.parse(row.parts) as UIMessage["parts"],
    metadata: { createdAt: row.createdAt.toISOString() },
  }));
}
