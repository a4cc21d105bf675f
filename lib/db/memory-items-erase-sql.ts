import "server-only";
import { z } from "zod";
import { MemoryStatusSchema, MemoryTypeSchema } from "@/lib/db/enums";
import { dbNumber, toCsvParam, type SqlClient } from "@/lib/db/sql-client";

// SQL over memory_items for erasure (rows deleted for good, not soft-deleted): which memories
// a request covers (one, a text match, or all), the whole supersede chain around them, the
// episode summaries to take with them, and the delete itself. Every statement is scoped by
// user_id, including each step of the chain walk. Text patterns travel as one JSON array
// parameter (they may hold commas), already escaped for LIKE.

const uuidArray = (ids: readonly string[]) => toCsvParam(ids);

/** Up to `limit` of the user's memory ids in any status, oldest first; only text matches when `query` is given. */
export async function selectMemoryIdsToErase(
  db: SqlClient,
  q: { userId: string; query: string | null; limit: number },
): Promise<string[]> {
  const like = q.query === null ? null : `%${q.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db.$queryRaw<unknown[]>`
    SELECT id::text FROM memory_items
    WHERE user_id = ${q.userId}::uuid
      AND (${q.query}::text IS NULL OR content ILIKE ${like}::text OR search_vector @@ plainto_tsquery('english', ${q.query}::text))
    ORDER BY created_at, id
    LIMIT ${q.limit}::int`;
  return z.array(z.object({ id: z.string() })).parse(rows).map((r) => r.id);
}

/** How many memories the user has, in any status. */
export async function countMemoryItems(db: SqlClient, q: { userId: string }): Promise<number> {
  const rows = await db.$queryRaw<unknown[]>`SELECT count(*) AS n FROM memory_items WHERE user_id = ${q.userId}::uuid`;
  return z.object({ n: dbNumber }).parse(rows[0]).n;
}

/**
 * These memories and every memory linked to them through superseded_by, both ways and
 * transitively: the whole chain of each. UNION (not UNION ALL) stops at rows already found,
 * so even a damaged chain with a cycle ends.
 */
export async function selectChainClosure(db: SqlClient, q: { userId: string; ids: string[] }): Promise<string[]> {
  if (q.ids.length === 0) return [];
  const rows = await db.$queryRaw<unknown[]>`
    WITH RECURSIVE chain(id) AS (
      SELECT id FROM memory_items
      WHERE user_id = ${q.userId}::uuid AND id = ANY(string_to_array(${uuidArray(q.ids)}, ',')::uuid[])
      UNION
      SELECT m.id FROM chain c
      JOIN memory_items cur ON cur.id = c.id
      JOIN memory_items m ON m.user_id = ${q.userId}::uuid AND (m.superseded_by = c.id OR m.id = cur.superseded_by)
    )
    SELECT id::text FROM chain`;
  return z.array(z.object({ id: z.string() })).parse(rows).map((r) => r.id);
}

const TargetRowSchema = z.object({
  id: z.string(),
  content: z.string(),
  type: MemoryTypeSchema,
  status: MemoryStatusSchema,
  source_message_id: z.string().nullable(),
  source_conversation_id: z.string().nullable(),
});
export type ErasureTargetRow = z.infer<typeof TargetRowSchema>;

/** The user's memories with these ids, locked for the erasure's transaction. */
export async function selectErasureTargets(db: SqlClient, q: { userId: string; ids: string[] }): Promise<ErasureTargetRow[]> {
  if (q.ids.length === 0) return [];
  const rows = await db.$queryRaw<unknown[]>`
    SELECT id::text, content, type, status, source_message_id::text, source_conversation_id::text
    FROM memory_items
    WHERE user_id = ${q.userId}::uuid AND id = ANY(string_to_array(${uuidArray(q.ids)}, ',')::uuid[])
    ORDER BY created_at, id
    FOR UPDATE`;
  return z.array(TargetRowSchema).parse(rows);
}

/** The first of these memories, to show before an erasure is confirmed. */
export async function selectErasureSample(db: SqlClient, q: { userId: string; ids: string[] | null; limit: number }) {
  const ids = q.ids === null ? null : uuidArray(q.ids);
  const rows = await db.$queryRaw<unknown[]>`
    SELECT id::text, content, type, status FROM memory_items
    WHERE user_id = ${q.userId}::uuid AND (${ids}::text IS NULL OR id = ANY(string_to_array(${ids}::text, ',')::uuid[]))
    ORDER BY created_at DESC, id
    LIMIT ${q.limit}::int`;
  return z.array(z.object({ id: z.string(), content: z.string(), type: MemoryTypeSchema, status: MemoryStatusSchema })).parse(rows);
}

/**
 * The user's episode summaries to erase with a memory: those of conversations it was said in,
 * and any that quote erased text (`patterns`: a JSON array of ILIKE patterns).
 */
export async function selectEpisodesToErase(
  db: SqlClient,
  q: { userId: string; conversationIds: string[]; patterns: string; excludeIds: string[] },
): Promise<string[]> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT id::text FROM memory_items
    WHERE user_id = ${q.userId}::uuid AND type = 'episode'
      AND NOT (id = ANY(string_to_array(${uuidArray(q.excludeIds)}, ',')::uuid[]))
      AND (source_conversation_id = ANY(string_to_array(${uuidArray(q.conversationIds)}, ',')::uuid[])
        OR content ILIKE ANY(ARRAY(SELECT jsonb_array_elements_text(${q.patterns}::jsonb))))`;
  return z.array(z.object({ id: z.string() })).parse(rows).map((r) => r.id);
}

/** Deletes the user's memories with these ids for good (their recalls go with them); the row count. */
export async function deleteMemoryItemsForGood(db: SqlClient, q: { userId: string; ids: string[] }): Promise<number> {
  if (q.ids.length === 0) return 0;
  return db.$executeRaw`
    DELETE FROM memory_items
    WHERE user_id = ${q.userId}::uuid AND id = ANY(string_to_array(${uuidArray(q.ids)}, ',')::uuid[])`;
}
