import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ConversationSummary } from "@/lib/chat/schemas";
import { redactSecrets } from "@/lib/write-policy/redact-secrets";

/**
 * Loads the user's conversation, or creates it under the client-chosen id on the first
 * message. An id that already belongs to someone else is reported as not found.
 */
export async function ensureConversation(options: {
  userId: string;
  conversationId: string;
  firstMessageText: string;
}): Promise<ConversationSummary & { created: boolean }> {
  const db = getDb();
  const select = { id: true, title: true, createdAt: true, updatedAt: true, userId: true } as const;
  let row = await db.conversation.findUnique({ where: { id: options.conversationId }, select });
  let created = false;
  if (!row) {
    const inserted = await db.conversation.createManyAndReturn({
      data: [{ id: options.conversationId, userId: options.userId, title: titleFrom(options.firstMessageText) }],
      skipDuplicates: true,
      select,
    });
    created = inserted.length === 1;
    row = inserted[0] ?? (await db.conversation.findUnique({ where: { id: options.conversationId }, select }));
  }
  if (!row || row.userId !== options.userId) throw new AppError("not_found", "Conversation not found.");
  const { userId: _owner, ...conversation } = row;
  return { ...conversation, created };
}

function titleFrom(text: string): string {
  const oneLine = redactSecrets(text).replace(/\s+/g, " ").trim();
  return oneLine.length > 60 ? `${oneLine.slice(0, 57).trimEnd()}…` : oneLine || "New chat";
}
