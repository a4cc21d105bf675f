import "server-only";
import { z } from "zod";
import { MemoryStatusSchema, MemoryTypeSchema } from "@/lib/db/enums";
import { dbDate, dbNumber, toCsvParam, type SqlClient } from "@/lib/db/sql-client";

// SQL over memory_recalls: which memories were given to which answer. Every statement is
// scoped by the user's id, and reads join memory_items under the same user.

/** Records the memories given to one answer (idempotent: a retried save records nothing twice). */
export async function insertMemoryRecalls(
  db: SqlClient,
  q: { userId: string; messageId: string; items: { memoryId: string; rank: number; relevance: number | null }[] },
): Promise<void> {
  if (q.items.length === 0) return;
  await db.$executeRaw`
    INSERT INTO memory_recalls (id, user_id, message_id, memory_id, rank, relevance, created_at)
    SELECT gen_random_uuid(), ${q.userId}::uuid, ${q.messageId}::uuid, r.memory_id::uuid, r.rank, v.relevance, now()
    FROM unnest(
      string_to_array(${toCsvParam(q.items.map((i) => i.memoryId))}, ','),
      string_to_array(${toCsvParam(q.items.map((i) => String(i.rank)))}, ',')::int[],
      string_to_array(${toCsvParam(q.items.map((i) => (i.relevance === null ? "" : String(i.relevance))))}, ',')
    ) AS r(memory_id, rank, relevance_text)
    CROSS JOIN LATERAL (SELECT NULLIF(r.relevance_text, '')::float8 AS relevance) v
    JOIN memory_items m ON m.id = r.memory_id::uuid AND m.user_id = ${q.userId}::uuid
    ON CONFLICT (message_id, memory_id) DO NOTHING`;
}

const RecallRowSchema = z.object({
  message_id: z.string(),
  memory_id: z.string(),
  rank: dbNumber,
  content: z.string(),
  type: MemoryTypeSchema,
  status: MemoryStatusSchema,
});

/** The memories given to these answers, with each memory's current content and status, by rank. */
export async function selectRecallsForMessages(db: SqlClient, q: { userId: string; messageIds: string[] }) {
  if (q.messageIds.length === 0) return [];
  const rows = await db.$queryRaw<unknown[]>`
    SELECT r.message_id::text, r.memory_id::text, r.rank, m.content, m.type, m.status
    FROM memory_recalls r
    JOIN memory_items m ON m.id = r.memory_id AND m.user_id = r.user_id
    WHERE r.user_id = ${q.userId}::uuid AND r.message_id = ANY(string_to_array(${toCsvParam(q.messageIds)}, ',')::uuid[])
    ORDER BY r.message_id, r.rank`;
  return z.array(RecallRowSchema).parse(rows);
}

const UsageRowSchema = z.object({
  message_id: z.string(),
  conversation_id: z.string(),
  title: z.string().nullable(),
  created_at: dbDate,
  total: dbNumber,
});

/** How many answers a memory was given to, and the latest of them with their conversations. */
export async function selectMemoryUsage(db: SqlClient, q: { userId: string; memoryId: string; limit: number }) {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT r.message_id::text, msg.conversation_id::text, c.title, r.created_at, count(*) OVER () AS total
    FROM memory_recalls r
    JOIN messages msg ON msg.id = r.message_id AND msg.user_id = r.user_id
    JOIN conversations c ON c.id = msg.conversation_id AND c.user_id = r.user_id
    WHERE r.user_id = ${q.userId}::uuid AND r.memory_id = ${q.memoryId}::uuid
    ORDER BY r.created_at DESC
    LIMIT ${q.limit}::int`;
  const parsed = z.array(UsageRowSchema).parse(rows);
  return { total: parsed[0]?.total ?? 0, answers: parsed.map(({ total: _total, ...row }) => row) };
}
