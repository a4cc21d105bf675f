import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { bigintAsString, dbDate, dbNumber, type SqlClient } from "@/lib/db/sql-client";
import {
  ExtractionTypeSchema,
  MemoryOperationSchema,
  type MemoryEvent,
  type ExtractionType,
  type MemoryOperation,
} from "@/lib/memory/schemas";

/** The audit row as selected (ids as text); shared with the inspector's read-side SQL. */
export const MemoryEventRowFields = z.object({
  id: z.string(),
  seq: bigintAsString,
  memory_item_id: z.string().nullable(),
  user_id: z.string(),
  operation: MemoryOperationSchema,
  confidence: dbNumber.nullable(),
  extraction_type: ExtractionTypeSchema.nullable(),
  before_content: z.string().nullable(),
  after_content: z.string().nullable(),
  correlation_id: z.string().nullable(),
  processing_time_ms: dbNumber.nullable(),
  created_at: dbDate,
});

export const toMemoryEvent = (r: z.infer<typeof MemoryEventRowFields>): MemoryEvent => ({
  id: r.id,
  seq: r.seq,
  memoryItemId: r.memory_item_id,
  userId: r.user_id,
  operation: r.operation,
  confidence: r.confidence,
  extractionType: r.extraction_type,
  beforeContent: r.before_content,
  afterContent: r.after_content,
  correlationId: r.correlation_id,
  processingTimeMs: r.processing_time_ms,
  createdAt: r.created_at.toISOString(),
});

const EventRowSchema = MemoryEventRowFields.transform(toMemoryEvent);

export type MemoryEventInsert = {
  userId: string;
  memoryItemId: string | null;
  operation: MemoryOperation;
  confidence?: number | null;
  extractionType?: ExtractionType | null;
  beforeContent?: string | null;
  afterContent?: string | null;
  correlationId: string;
  processingTimeMs: number;
};

/** Writes one audit row (inside the caller's transaction) and returns it as a live-feed event. */
export async function insertMemoryEvent(db: SqlClient, e: MemoryEventInsert): Promise<MemoryEvent> {
  const rows = await db.$queryRaw<unknown[]>`
    INSERT INTO memory_write_events
      (id, memory_item_id, user_id, operation, confidence, extraction_type,
       before_content, after_content, correlation_id, processing_time_ms, created_at)
    VALUES
      (${randomUUID()}::uuid, ${e.memoryItemId}::uuid, ${e.userId}::uuid, ${e.operation}, ${e.confidence ?? null}::float8,
       ${e.extractionType ?? null}, ${e.beforeContent ?? null}, ${e.afterContent ?? null}, ${e.correlationId}::uuid,
       ${Math.round(e.processingTimeMs)}::int, now())
    RETURNING id::text, seq, memory_item_id::text, user_id::text, operation, confidence, extraction_type,
      before_content, after_content, correlation_id::text, processing_time_ms, created_at`;
  return EventRowSchema.parse(rows[0]);
}

/** Audit rows after a cursor, oldest first; userId "all" is the admin feed. */
export async function selectMemoryEventsSince(
  db: SqlClient,
  q: { userId: string | "all"; afterSeq: string; limit: number },
): Promise<MemoryEvent[]> {
  const userId = q.userId === "all" ? null : q.userId;
  const rows = await db.$queryRaw<unknown[]>`
    SELECT id::text, seq, memory_item_id::text, user_id::text, operation, confidence, extraction_type,
      before_content, after_content, correlation_id::text, processing_time_ms, created_at
    FROM memory_write_events
    WHERE (${userId}::uuid IS NULL OR user_id = ${userId}::uuid) AND seq > ${q.afterSeq}::bigint
    ORDER BY seq
    LIMIT ${q.limit}::int`;
  return z.array(EventRowSchema).parse(rows);
}
