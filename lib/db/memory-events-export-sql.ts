import "server-only";
import { z } from "zod";
import { ExtractionTypeSchema, MemoryOperationSchema } from "@/lib/db/enums";
import { bigintAsString, dbDate, dbNumber, toCsvParam, type SqlClient } from "@/lib/db/sql-client";

// SQL over memory_write_events for the user's export: the audit rows of a page of memories,
// and keyset pages (on seq) of the rows tied to no memory (refusals, erase receipts, rows of
// memories that no longer exist).

const ExportEventRowSchema = z.object({
  id: z.string(),
  seq: bigintAsString,
  memory_item_id: z.string().nullable(),
  operation: MemoryOperationSchema,
  extraction_type: ExtractionTypeSchema.nullable(),
  confidence: dbNumber.nullable(),
  reason: z.string().nullable(),
  before_content: z.string().nullable(),
  after_content: z.string().nullable(),
  created_at: dbDate,
});
export type EventExportRow = z.infer<typeof ExportEventRowSchema>;

/** Every audit row of these memories of the user, by memory then oldest first. */
export async function selectEventsOfMemories(db: SqlClient, q: { userId: string; memoryIds: string[] }): Promise<EventExportRow[]> {
  if (q.memoryIds.length === 0) return [];
  const rows = await db.$queryRaw<unknown[]>`
    SELECT id::text, seq, memory_item_id::text, operation, extraction_type, confidence, reason, before_content, after_content, created_at
    FROM memory_write_events
    WHERE user_id = ${q.userId}::uuid AND memory_item_id = ANY(string_to_array(${toCsvParam(q.memoryIds)}, ',')::uuid[])
    ORDER BY memory_item_id, seq`;
  return z.array(ExportEventRowSchema).parse(rows);
}

/** The user's audit rows tied to no memory, after `afterSeq`, oldest first. */
export async function selectUnlinkedEventsPage(
  db: SqlClient,
  q: { userId: string; afterSeq: string | null; limit: number },
): Promise<EventExportRow[]> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT id::text, seq, memory_item_id::text, operation, extraction_type, confidence, reason, before_content, after_content, created_at
    FROM memory_write_events
    WHERE user_id = ${q.userId}::uuid AND memory_item_id IS NULL
      AND (${q.afterSeq}::bigint IS NULL OR seq > ${q.afterSeq}::bigint)
    ORDER BY seq
    LIMIT ${q.limit}::int`;
  return z.array(ExportEventRowSchema).parse(rows);
}
