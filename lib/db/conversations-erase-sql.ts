import "server-only";
import { z } from "zod";
import { toCsvParam, type SqlClient } from "@/lib/db/sql-client";

// SQL over conversations for erasure: titles that came from an erased message or quote erased
// text are replaced. Scoped by user_id.

/** The user's conversations with these ids, and any of theirs whose title matches a pattern (JSON array of ILIKE patterns). */
export async function selectConversationTitles(
  db: SqlClient,
  q: { userId: string; ids: string[]; patterns: string },
): Promise<{ id: string; title: string }[]> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT id::text, title FROM conversations
    WHERE user_id = ${q.userId}::uuid
      AND (id = ANY(string_to_array(${toCsvParam(q.ids)}, ',')::uuid[])
        OR title ILIKE ANY(ARRAY(SELECT jsonb_array_elements_text(${q.patterns}::jsonb))))`;
  return z.array(z.object({ id: z.string(), title: z.string() })).parse(rows);
}

/** Sets one conversation's title; the row count. */
export async function updateConversationTitle(db: SqlClient, q: { userId: string; id: string; title: string }): Promise<number> {
  return db.$executeRaw`UPDATE conversations SET title = ${q.title} WHERE id = ${q.id}::uuid AND user_id = ${q.userId}::uuid`;
}
