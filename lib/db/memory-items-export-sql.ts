import "server-only";
import { z } from "zod";
import { MemoryStatusSchema, MemoryTypeSchema } from "@/lib/db/enums";
import { dbDate, dbNumber, type SqlClient } from "@/lib/db/sql-client";

// SQL over memory_items for the user's export: keyset pages on (created_at, id), oldest first,
// each memory with its provenance (its source conversation's title and source message) joined
// under the same user. A page is one short query: the export never holds a query open.

const ExportRowSchema = z.object({
  id: z.string(),
  content: z.string(),
  type: MemoryTypeSchema,
  status: MemoryStatusSchema,
  importance: dbNumber,
  confidence: dbNumber,
  created_at: dbDate,
  updated_at: dbDate,
  deleted_at: dbDate.nullable(),
  expires_at: dbDate.nullable(),
  superseded_by: z.string().nullable(),
  conversation_id: z.string().nullable(),
  conversation_title: z.string().nullable(),
  message_id: z.string().nullable(),
  message_parts: z.unknown().nullable(),
  message_at: dbDate.nullable(),
});
export type MemoryExportRow = z.infer<typeof ExportRowSchema>;

/** A keyset position: the last row's created_at and id. */
export type CreatedAtCursor = { createdAt: Date; id: string } | null;

/** The user's memories in every status after `after`, oldest first, with their provenance. */
export async function selectMemoryExportPage(
  db: SqlClient,
  q: { userId: string; after: CreatedAtCursor; limit: number },
): Promise<MemoryExportRow[]> {
  const afterAt = q.after?.createdAt ?? null;
  const afterId = q.after?.id ?? null;
  const rows = await db.$queryRaw<unknown[]>`
    SELECT m.id::text, m.content, m.type, m.status, m.importance, m.confidence, m.created_at, m.updated_at,
      m.deleted_at, m.expires_at, m.superseded_by::text,
      c.id::text AS conversation_id, c.title AS conversation_title,
      msg.id::text AS message_id, msg.parts AS message_parts, msg.created_at AS message_at
    FROM memory_items m
    LEFT JOIN conversations c ON c.id = m.source_conversation_id AND c.user_id = m.user_id
    LEFT JOIN messages msg ON msg.id = m.source_message_id AND msg.user_id = m.user_id AND msg.conversation_id = c.id
    WHERE m.user_id = ${q.userId}::uuid
      AND (${afterAt}::timestamptz IS NULL OR (m.created_at, m.id) > (${afterAt}::timestamptz, ${afterId}::uuid))
    ORDER BY m.created_at, m.id
    LIMIT ${q.limit}::int`;
  return z.array(ExportRowSchema).parse(rows);
}
