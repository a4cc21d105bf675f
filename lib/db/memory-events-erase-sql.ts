import "server-only";
import { z } from "zod";
import { toCsvParam, type SqlClient } from "@/lib/db/sql-client";

// SQL over memory_write_events for erasure: the audit rows stay (what happened, when, how it
// was decided) but lose their before/after text. Scoped by user_id; patterns travel as one
// JSON array of ILIKE patterns.

/** The distinct before/after texts of these memories' audit rows (earlier wordings of them). */
export async function selectEventTextsOfMemories(db: SqlClient, q: { userId: string; ids: string[] }): Promise<string[]> {
  if (q.ids.length === 0) return [];
  const rows = await db.$queryRaw<unknown[]>`
    SELECT DISTINCT t AS text FROM memory_write_events e
    CROSS JOIN LATERAL (VALUES (e.before_content), (e.after_content)) v(t)
    WHERE e.user_id = ${q.userId}::uuid AND e.memory_item_id = ANY(string_to_array(${toCsvParam(q.ids)}, ',')::uuid[])
      AND t IS NOT NULL`;
  return z.array(z.object({ text: z.string() })).parse(rows).map((r) => r.text);
}

/**
 * Clears the before/after text of the user's audit rows about these memories, and of any of
 * their rows whose text matches an erased text (a refusal's preview, another memory's
 * supersede row quoting it); the row count.
 */
export async function scrubMemoryEvents(db: SqlClient, q: { userId: string; ids: string[]; patterns: string }): Promise<number> {
  return db.$executeRaw`
    UPDATE memory_write_events SET before_content = NULL, after_content = NULL
    WHERE user_id = ${q.userId}::uuid
      AND (before_content IS NOT NULL OR after_content IS NOT NULL)
      AND (memory_item_id = ANY(string_to_array(${toCsvParam(q.ids)}, ',')::uuid[])
        OR before_content ILIKE ANY(ARRAY(SELECT jsonb_array_elements_text(${q.patterns}::jsonb)))
        OR after_content ILIKE ANY(ARRAY(SELECT jsonb_array_elements_text(${q.patterns}::jsonb))))`;
}

/** Clears the text of every audit row of the user except the erase receipts (which hold none); the row count. */
export async function scrubAllMemoryEvents(db: SqlClient, q: { userId: string }): Promise<number> {
  return db.$executeRaw`
    UPDATE memory_write_events SET before_content = NULL, after_content = NULL
    WHERE user_id = ${q.userId}::uuid AND operation <> 'erase' AND (before_content IS NOT NULL OR after_content IS NOT NULL)`;
}
