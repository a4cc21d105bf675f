import "server-only";
import { z } from "zod";
import { MemoryEventRowFields, toMemoryEvent } from "@/lib/db/memory-events-sql";
import { type SqlClient } from "@/lib/db/sql-client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AuditEvent, AuditFilters } from "@/lib/memory/view-schemas";
import type { MemoryEvent } from "@/lib/memory/schemas";

// Read-side SQL over memory_write_events (the audit table). Lists are keyset-paginated on seq,
// newest first: `seq < cursor ORDER BY seq DESC LIMIT n` stays an index range scan at any depth.

const EventRowSchema = MemoryEventRowFields.extend({ user_email: z.string().nullable().optional() }).transform(
  (r): AuditEvent => ({ ...toMemoryEvent(r), userEmail: r.user_email ?? null }),
);

const withoutEmail = ({ userEmail: _userEmail, ...event }: AuditEvent): MemoryEvent => event;

/** The user's events, newest first, older than `beforeSeq` when given. */
export async function selectUserEventsPage(
  db: SqlClient,
  q: { userId: string; beforeSeq: string | null; limit: number },
): Promise<MemoryEvent[]> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT id::text, seq, memory_item_id::text, user_id::text, operation, confidence, extraction_type,
      before_content, after_content, correlation_id::text, processing_time_ms, created_at
    FROM memory_write_events
    WHERE user_id = ${q.userId}::uuid AND (${q.beforeSeq}::bigint IS NULL OR seq < ${q.beforeSeq}::bigint)
    ORDER BY seq DESC
    LIMIT ${q.limit}::int`;
  return z.array(EventRowSchema).parse(rows).map(withoutEmail);
}

/** One event by id; scoped to a user unless userId is null (admins). */
export async function selectEvent(db: SqlClient, q: { userId: string | null; id: string }): Promise<AuditEvent | null> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT e.id::text, e.seq, e.memory_item_id::text, e.user_id::text, e.operation, e.confidence, e.extraction_type,
      e.before_content, e.after_content, e.correlation_id::text, e.processing_time_ms, e.created_at,
      u.email AS user_email
    FROM memory_write_events e LEFT JOIN users u ON u.id = e.user_id
    WHERE e.id = ${q.id}::uuid AND (${q.userId}::uuid IS NULL OR e.user_id = ${q.userId}::uuid)`;
  return rows.length ? EventRowSchema.parse(rows[0]) : null;
}

/** A memory's audit history, oldest first. */
export async function selectMemoryHistory(db: SqlClient, q: { userId: string; memoryId: string }): Promise<MemoryEvent[]> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT id::text, seq, memory_item_id::text, user_id::text, operation, confidence, extraction_type,
      before_content, after_content, correlation_id::text, processing_time_ms, created_at
    FROM memory_write_events
    WHERE user_id = ${q.userId}::uuid AND memory_item_id = ${q.memoryId}::uuid
    ORDER BY seq
    LIMIT 500`;
  return z.array(EventRowSchema).parse(rows).map(withoutEmail);
}

/**
 * All users' events matching the filters, newest first, older than `cursor` when given.
 * `user` is a user id or an email; each absent filter is a NULL parameter the planner folds
 * away (the pg driver sends unnamed statements, so every call gets a custom plan).
 */
export async function selectAuditPage(
  db: SqlClient,
  q: AuditFilters & { cursor: string | null; limit: number },
): Promise<AuditEvent[]> {
  const rows = await db.$queryRaw<unknown[]>(auditPageSql(q));
  return z.array(EventRowSchema).parse(rows);
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
export function auditPageSql(q: AuditFilters & { cursor: string | null; limit: number }): Prisma.Sql {
  const userId = q.user && z.string().uuid().safeParse(q.user).success ? q.user : null;
  const email = q.user && !userId ? q.user.toLowerCase() : null;
  return Prisma.sql`
    SELECT e.id::text, e.seq, e.memory_item_id::text, e.user_id::text, e.operation, e.confidence, e.extraction_type,
      e.before_content, e.after_content, e.correlation_id::text, e.processing_time_ms, e.created_at,
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
