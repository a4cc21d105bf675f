import "server-only";
import { z } from "zod";
import { toCsvParam, type SqlClient } from "@/lib/db/sql-client";

// SQL over messages for erasure: the messages an erased memory came from, the answers to
// them, the answers it was recalled into, and any message whose parts quote erased text; their
// parts are then replaced by a marker. Scoped by user_id; the text search goes through the
// user's conversations (messages are indexed by conversation, not by user).

const MessageRowSchema = z.object({
  id: z.string(),
  conversation_id: z.string(),
  role: z.string(),
  parts: z.unknown(),
  reply_to_id: z.string().nullable(),
});
export type ErasureMessageRow = z.infer<typeof MessageRowSchema>;

/** The user's messages with these ids. */
export async function selectMessagesByIds(db: SqlClient, q: { userId: string; ids: string[] }): Promise<ErasureMessageRow[]> {
  if (q.ids.length === 0) return [];
  const rows = await db.$queryRaw<unknown[]>`
    SELECT id::text, conversation_id::text, role, parts, reply_to_id::text FROM messages
    WHERE user_id = ${q.userId}::uuid AND id = ANY(string_to_array(${toCsvParam(q.ids)}, ',')::uuid[])`;
  return z.array(MessageRowSchema).parse(rows);
}

/** The user's answers to these messages. */
export async function selectRepliesTo(db: SqlClient, q: { userId: string; messageIds: string[] }): Promise<ErasureMessageRow[]> {
  if (q.messageIds.length === 0) return [];
  const rows = await db.$queryRaw<unknown[]>`
    SELECT id::text, conversation_id::text, role, parts, reply_to_id::text FROM messages
    WHERE user_id = ${q.userId}::uuid AND reply_to_id = ANY(string_to_array(${toCsvParam(q.messageIds)}, ',')::uuid[])`;
  return z.array(MessageRowSchema).parse(rows);
}

/** The user's answers these memories were recalled into (memory_recalls). */
export async function selectMessagesRecalling(db: SqlClient, q: { userId: string; memoryIds: string[] }): Promise<ErasureMessageRow[]> {
  if (q.memoryIds.length === 0) return [];
  const rows = await db.$queryRaw<unknown[]>`
    SELECT DISTINCT m.id::text, m.conversation_id::text, m.role, m.parts, m.reply_to_id::text
    FROM memory_recalls r JOIN messages m ON m.id = r.message_id AND m.user_id = r.user_id
    WHERE r.user_id = ${q.userId}::uuid AND r.memory_id = ANY(string_to_array(${toCsvParam(q.memoryIds)}, ',')::uuid[])`;
  return z.array(MessageRowSchema).parse(rows);
}

/** The user's messages whose parts (as JSON text) match one of the patterns (a JSON array of ILIKE patterns). */
export async function selectMessagesQuoting(db: SqlClient, q: { userId: string; patterns: string }): Promise<ErasureMessageRow[]> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT id::text, conversation_id::text, role, parts, reply_to_id::text FROM messages
    WHERE conversation_id IN (SELECT id FROM conversations WHERE user_id = ${q.userId}::uuid)
      AND user_id = ${q.userId}::uuid
      AND parts::text ILIKE ANY(ARRAY(SELECT jsonb_array_elements_text(${q.patterns}::jsonb)))`;
  return z.array(MessageRowSchema).parse(rows);
}

/** Replaces one message's parts; the row count. */
export async function updateMessageParts(db: SqlClient, q: { userId: string; id: string; parts: unknown[] }): Promise<number> {
  return db.$executeRaw`
    UPDATE messages SET parts = ${JSON.stringify(q.parts)}::jsonb
    WHERE id = ${q.id}::uuid AND user_id = ${q.userId}::uuid`;
}
