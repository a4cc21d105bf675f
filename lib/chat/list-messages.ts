import "server-only";
import type { UIMessage } from "ai";
import { getDb } from "@/lib/db/client";
import { selectConversationThread } from "@/lib/db/messages-sql";
import { StoredPartsSchema } from "@/lib/chat/schemas";

/**
 * The conversation's messages as AI SDK UI messages in thread order (each answer right after
 * the message it answers), for the owner only. With `upTo`, the list ends at that message: a
 * turn sees the history up to its own message, never a message sent after it by an
 * overlapping turn.
 */
export async function listMessages(options: { userId: string; conversationId: string; upTo?: string }): Promise<UIMessage[]> {
  const rows = await selectConversationThread(getDb(), options);
  const end = options.upTo ? rows.findIndex((row) => row.id === options.upTo) : -1;
  const visible = end >= 0 ? rows.slice(0, end + 1) : rows;
  return visible.map((row) => ({
    id: row.id,
    role: row.role === "assistant" ? "assistant" : "user",
    parts: StoredPartsSchema.parse(row.parts) as UIMessage["parts"],
    metadata: { createdAt: row.created_at.toISOString() },
  }));
}
