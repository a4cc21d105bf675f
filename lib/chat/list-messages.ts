import "server-only";
import type { UIMessage } from "ai";
import { getDb } from "@/lib/db/client";
import { selectRecallsForMessages } from "@/lib/db/memory-recalls-sql";
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
  // The memories each answer was given, as they are now (a deleted one shows as deleted).
  const recalls = await selectRecallsForMessages(getDb(), {
    userId: options.userId,
    messageIds: visible.filter((row) => row.role === "assistant").map((row) => row.id),
  });
  const recalledBy = new Map<string, typeof recalls>();
  for (const r of recalls) recalledBy.set(r.message_id, [...(recalledBy.get(r.message_id) ?? []), r]);
  return visible.map((row) => {
    const recalled = recalledBy.get(row.id)?.map((r) => ({
      n: r.rank,
      id: r.memory_id,
      content: r.status === "active" || r.status === "superseded" || r.status === "expired" ? r.content : "",
      type: r.type,
      relevance: null,
      standing: false,
      status: r.status,
    }));
    return {
      id: row.id,
      role: row.role === "assistant" ? "assistant" : "user",
      parts: StoredPartsSchema.parse(row.parts) as UIMessage["parts"],
      metadata: { createdAt: row.created_at.toISOString(), ...(recalled ? { recalled } : {}) },
    };
  });
}
