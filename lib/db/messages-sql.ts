import "server-only";
import { z } from "zod";
import { dbDate, type SqlClient } from "@/lib/db/sql-client";

// SQL over messages that Prisma's query builder cannot express: a conversation in thread order.

const MessageRowSchema = z.object({
  id: z.string(),
  role: z.string(),
  parts: z.unknown(),
  created_at: dbDate,
  reply_to_id: z.string().nullable(),
});
export type MessageRow = z.infer<typeof MessageRowSchema>;

/**
 * The user's conversation in thread order: each user message, then the answer that replies to
 * it, whatever order they were stored in. Turns of one conversation may overlap (two tabs, a
 * double submit), so an answer can be stored after a later user message; ordering by the
 * message it answers keeps each question next to its answer. Messages without reply_to_id
 * (stored before it existed) keep their own time.
 */
export async function selectConversationThread(db: SqlClient, q: { userId: string; conversationId: string }): Promise<MessageRow[]> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT m.id::text, m.role, m.parts, m.created_at, m.reply_to_id::text
    FROM messages m
    LEFT JOIN messages p ON p.id = m.reply_to_id AND p.conversation_id = m.conversation_id
    WHERE m.conversation_id = ${q.conversationId}::uuid AND m.user_id = ${q.userId}::uuid
    ORDER BY COALESCE(p.created_at, m.created_at), COALESCE(p.id, m.id), (m.reply_to_id IS NOT NULL), m.created_at, m.id`;
  return z.array(MessageRowSchema).parse(rows);
}

/** The user's latest messages in a conversation, newest first (the turns before a new message). */
export async function selectLatestMessages(db: SqlClient, q: { userId: string; conversationId: string; limit: number }): Promise<MessageRow[]> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT m.id::text, m.role, m.parts, m.created_at, m.reply_to_id::text
    FROM messages m
    WHERE m.conversation_id = ${q.conversationId}::uuid AND m.user_id = ${q.userId}::uuid
    ORDER BY m.created_at DESC, m.id DESC
    LIMIT ${q.limit}`;
  return z.array(MessageRowSchema).parse(rows);
}
