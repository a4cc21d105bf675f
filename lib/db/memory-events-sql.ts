import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { bigintAsString, dbDate, dbNumber, type SqlClient } from "@/lib/db/sql-client";
import { Prisma } from "@/lib/generated/prisma/client";
import { ExtractionTypeSchema, MemoryOperationSchema, type ExtractionType, type MemoryOperation } from "@/lib/db/enums";

// SQL over memory_write_events, the audit table: the writers' insert, the live feed's "since",
// and the read side (a user's pages, one event, a memory's history, the admin audit log).
// Lists are keyset-paginated on seq, newest first: `seq < cursor ORDER BY seq DESC LIMIT n`
// stays an index range scan at any depth.

/** The audit row as selected (ids as text). */
const MemoryEventRowFields = z.object({
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
  reason: z.string().nullable(),
  created_at: dbDate,
});

const toMemoryEvent = (r: z.infer<typeof MemoryEventRowFields>) => ({
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
  reason: r.reason,
  createdAt: r.created_at.toISOString(),
});

/** An audit row as the app sends it (camelCase, ISO dates, seq as a string). */
export type MemoryEventRecord = ReturnType<typeof toMemoryEvent>;
/** An audit row with its user's email, for admins. */
export type AuditEventRecord = MemoryEventRecord & { userEmail: string | null };

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
  reason?: string | null;
};

/** Writes one audit row (inside the caller's transaction) and returns it as a live-feed event. */
export async function insertMemoryEvent(db: SqlClient, e: MemoryEventInsert): Promise<MemoryEventRecord> {
  const rows = await db.$queryRaw<unknown[]>`
    INSERT INTO memory_write_events
      (id, memory_item_id, user_id, operation, confidence, extraction_type,
       before_content, after_content, correlation_id, processing_time_ms, reason, created_at)
    VALUES
      (${randomUUID()}::uuid, ${e.memoryItemId}::uuid, ${e.userId}::uuid, ${e.operation}, ${e.confidence ?? null}::float8,
       ${e.extractionType ?? null}, ${e.beforeContent ?? null}, ${e.afterContent ?? null}, ${e.correlationId}::uuid,
       ${Math.round(e.processingTimeMs)}::int, ${e.reason ?? null}, now())
    RETURNING id::text, seq, memory_item_id::text, user_id::text, operation, confidence, extraction_type,
      before_content, after_content, correlation_id::text, processing_time_ms, reason, created_at`;
  return EventRowSchema.parse(rows[0]);
}

/** Audit rows after a cursor, oldest first; userId "all" is the admin feed. */
export async function selectMemoryEventsSince(
  db: SqlClient,
  q: { userId: string | "all"; afterSeq: string; limit: number },
): Promise<MemoryEventRecord[]> {
  const userId = q.userId === "all" ? null : q.userId;
  const rows = await db.$queryRaw<unknown[]>`
    SELECT id::text, seq, memory_item_id::text, user_id::text, operation, confidence, extraction_type,
      before_content, after_content, correlation_id::text, processing_time_ms, reason, created_at
    FROM memory_write_events
    WHERE (${userId}::uuid IS NULL OR user_id = ${userId}::uuid) AND seq > ${q.afterSeq}::bigint
    ORDER BY seq
    LIMIT ${q.limit}::int`;
  return z.array(EventRowSchema).parse(rows);
}

/** The admin audit log's filters (each optional) and keyset position. */
export type AuditPageQuery = {
  user?: string;
  operation?: string;
  extractionType?: string;
  from?: Date;
  to?: Date;
  correlationId?: string;
  cursor: string | null;
  limit: number;
};

const AuditRowSchema = MemoryEventRowFields.extend({ user_email: z.string().nullable().optional() }).transform(
  (r): AuditEventRecord => ({ ...toMemoryEvent(r), userEmail: r.user_email ?? null }),
);

const withoutEmail = ({ userEmail: _userEmail, ...event }: AuditEventRecord): MemoryEventRecord => event;

/** The user's events, newest first, older than `beforeSeq` when given. */
export async function selectUserEventsPage(
  db: SqlClient,
  q: { userId: string; beforeSeq: string | null; limit: number },
): Promise<MemoryEventRecord[]> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT id::text, seq, memory_item_id::text, user_id::text, operation, confidence, extraction_type,
      before_content, after_content, correlation_id::text, processing_time_ms, reason, created_at
    FROM memory_write_events
    WHERE user_id = ${q.userId}::uuid AND (${q.beforeSeq}::bigint IS NULL OR seq < ${q.beforeSeq}::bigint)
    ORDER BY seq DESC
    LIMIT ${q.limit}::int`;
  return z.array(AuditRowSchema).parse(rows).map(withoutEmail);
}

/** One event by id; scoped to a user unless userId is null (admins). */
export async function selectEvent(db: SqlClient, q: { userId: string | null; id: string }): Promise<AuditEventRecord | null> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT e.id::text, e.seq, e.memory_item_id::text, e.user_id::text, e.operation, e.confidence, e.extraction_type,
      e.before_content, e.after_content, e.correlation_id::text, e.processing_time_ms, e.reason, e.created_at,
      u.email AS user_email
    FROM memory_write_events e LEFT JOIN users u ON u.id = e.user_id
    WHERE e.id = ${q.id}::uuid AND (${q.userId}::uuid IS NULL OR e.user_id = ${q.userId}::uuid)`;
  return rows.length ? AuditRowSchema.parse(rows[0]) : null;
}

/** A memory's audit history, oldest first. */
export async function selectMemoryHistory(db: SqlClient, q: { userId: string; memoryId: string }): Promise<MemoryEventRecord[]> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT id::text, seq, memory_item_id::text, user_id::text, operation, confidence, extraction_type,
      before_content, after_content, correlation_id::text, processing_time_ms, reason, created_at
    FROM memory_write_events
    WHERE user_id = ${q.userId}::uuid AND memory_item_id = ${q.memoryId}::uuid
    ORDER BY seq
    LIMIT 500`;
  return z.array(AuditRowSchema).parse(rows).map(withoutEmail);
}

/**
 * All users' events matching the filters, newest first, older than `cursor` when given.
 * `user` is a user id or an email; each absent filter is a NULL parameter the planner folds
 * away (the pg driver sends unnamed statements, so every call gets a custom plan).
 */
export async function selectAuditPage(
  db: SqlClient,
  q: AuditPageQuery,
): Promise<AuditEventRecord[]> {
  const rows = await db.$queryRaw<unknown[]>(auditPageSql(q));
  return z.array(AuditRowSchema).parse(rows);
}

/**
 * A date range is also turned into a seq range, so the newest-first scan on seq starts at the
 * range instead of filtering its way down from the newest row (55 ms → about 1 ms at 1M rows
 * for a day six months back). That relies on seq following created_at: created_at is the
 * write transaction's start and seq is drawn inside it, and memory write transactions are cut
 * off after 15 s (run-memory-transaction.ts), so an event whose created_at is this much later
 * than another's always has the larger seq. The exact created_at filter stays; the seq bounds
 * only skip rows that cannot match.
 */
const SEQ_TIME_SLACK = "1 hour";

/** The audit page statement itself, exported so scripts/bench/bench-audit.ts can EXPLAIN exactly it. */
export function auditPageSql(q: AuditPageQuery): Prisma.Sql {
  const userId = q.user && z.string().uuid().safeParse(q.user).success ? q.user : null;
  const email = q.user && !userId ? q.user.toLowerCase() : null;
  return Prisma.sql`
    SELECT e.id::text, e.seq, e.memory_item_id::text, e.user_id::text, e.operation, e.confidence, e.extraction_type,
      e.before_content, e.after_content, e.correlation_id::text, e.processing_time_ms, e.reason, e.created_at,
      u.email AS user_email
    FROM memory_write_events e LEFT JOIN users u ON u.id = e.user_id
    WHERE (${userId}::uuid IS NULL OR e.user_id = ${userId}::uuid)
      AND (${email}::text IS NULL OR e.user_id = (SELECT id FROM users WHERE email = ${email}::text))
      AND (${q.operation ?? null}::text IS NULL OR e.operation = ${q.operation ?? null}::text)
      AND (${q.extractionType ?? null}::text IS NULL OR e.extraction_type = ${q.extractionType ?? null}::text)
      AND (${q.from ?? null}::timestamptz IS NULL OR e.created_at >= ${q.from ?? null}::timestamptz)
      AND (${q.to ?? null}::timestamptz IS NULL OR e.created_at < ${q.to ?? null}::timestamptz)
      AND (${q.from ?? null}::timestamptz IS NULL OR e.seq > COALESCE((
        SELECT seq FROM memory_write_events WHERE created_at <= ${q.from ?? null}::timestamptz - ${SEQ_TIME_SLACK}::interval
        ORDER BY created_at DESC LIMIT 1), 0))
      AND (${q.to ?? null}::timestamptz IS NULL OR e.seq < COALESCE((
        SELECT seq FROM memory_write_events WHERE created_at >= ${q.to ?? null}::timestamptz + ${SEQ_TIME_SLACK}::interval
        ORDER BY created_at LIMIT 1), 9223372036854775807))
      AND (${q.correlationId ?? null}::uuid IS NULL OR e.correlation_id = ${q.correlationId ?? null}::uuid)
      AND (${q.cursor}::bigint IS NULL OR e.seq < ${q.cursor}::bigint)
    ORDER BY e.seq DESC
    LIMIT ${q.limit}::int`;
}
