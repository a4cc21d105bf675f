import "server-only";
import { z } from "zod";
import { dbDate, type SqlClient } from "@/lib/db/sql-client";

// SQL over conversations and their messages for the user's export: keyset pages on
// (created_at, id), oldest first, scoped by user_id.

const ConversationRowSchema = z.object({ id: z.string(), title: z.string(), created_at: dbDate, updated_at: dbDate });
export type ConversationExportRow = z.infer<typeof ConversationRowSchema>;

type Cursor = { createdAt: Date; id: string } | null;

/** The user's conversations after `after`, oldest first. */
export async function selectConversationExportPage(
  db: SqlClient,
  q: { userId: string; after: Cursor; limit: number },
): Promise<ConversationExportRow[]> {
  const afterAt = q.after?.createdAt ?? null;
  const afterId = q.after?.id ?? null;
  const rows = await db.$queryRaw<unknown[]>`
    SELECT id::text, title, created_at, updated_at FROM conversations
    WHERE user_id = ${q.userId}::uuid
      AND (${afterAt}::timestamptz IS NULL OR (created_at, id) > (${afterAt}::timestamptz, ${afterId}::uuid))
    ORDER BY created_at, id
    LIMIT ${q.limit}::int`;
  return z.array(ConversationRowSchema).parse(rows);
}

const MessageRowSchema = z.object({
  id: z.string(),
  role: z.enum(["user", "assistant", "system"]),
  parts: z.unknown(),
  created_at: dbDate,
  reply_to_id: z.string().nullable(),
});
export type MessageExportRow = z.infer<typeof MessageRowSchema>;

/** One conversation's messages after `after`, oldest first. */
export async function selectMessageExportPage(
  db: SqlClient,
  q: { userId: string; conversationId: string; after: Cursor; limit: number },
): Promise<MessageExportRow[]> {
  const afterAt = q.after?.createdAt ?? null;
  const afterId = q.after?.id ?? null;
  const rows = await db.$queryRaw<unknown[]>`
    SELECT id::text, role, parts, created_at, reply_to_id::text FROM messages
    WHERE user_id = ${q.userId}::uuid AND conversation_id = ${q.conversationId}::uuid
      AND (${afterAt}::timestamptz IS NULL OR (created_at, id) > (${afterAt}::timestamptz, ${afterId}::uuid))
    ORDER BY created_at, id
    LIMIT ${q.limit}::int`;
  return z.array(MessageRowSchema).parse(rows);
}
