import "server-only";
import { z } from "zod";
import { MemoryStatusSchema, MemoryTypeSchema } from "@/lib/db/enums";
import { dbDate, dbNumber, type SqlClient } from "@/lib/db/sql-client";

// SQL over memory_items.expires_at: a memory's expiry (read, set, clear) and the sweep that
// marks due memories expired. Every statement is scoped by user_id; the sweep finds its users
// through the expires_at index first and then works one user at a time.

const ExpiryRowSchema = z.object({
  id: z.string(),
  content: z.string(),
  type: MemoryTypeSchema,
  status: MemoryStatusSchema,
  importance: dbNumber,
  source_message_id: z.string().nullable(),
  source_conversation_id: z.string().nullable(),
  expires_at: dbDate.nullable(),
});
export type MemoryExpiryRow = z.infer<typeof ExpiryRowSchema>;

/** One memory of the user with its expiry, row-locked when `forUpdate` (inside a transaction). */
export async function selectMemoryExpiry(
  db: SqlClient,
  q: { userId: string; id: string; forUpdate?: boolean },
): Promise<MemoryExpiryRow | null> {
  const rows = q.forUpdate
    ? await db.$queryRaw<unknown[]>`
        SELECT id::text, content, type, status, importance, source_message_id::text, source_conversation_id::text, expires_at
        FROM memory_items WHERE id = ${q.id}::uuid AND user_id = ${q.userId}::uuid
        FOR UPDATE`
    : await db.$queryRaw<unknown[]>`
        SELECT id::text, content, type, status, importance, source_message_id::text, source_conversation_id::text, expires_at
        FROM memory_items WHERE id = ${q.id}::uuid AND user_id = ${q.userId}::uuid`;
  return rows.length ? ExpiryRowSchema.parse(rows[0]) : null;
}

/** Sets (a date) or clears (null) the expiry of one of the user's active or pending memories; the row count. */
export async function updateMemoryExpiry(db: SqlClient, q: { userId: string; id: string; expiresAt: Date | null }): Promise<number> {
  return db.$executeRaw`
    UPDATE memory_items SET expires_at = ${q.expiresAt}::timestamptz, updated_at = now()
    WHERE id = ${q.id}::uuid AND user_id = ${q.userId}::uuid AND status IN ('active', 'pending')`;
}

/** Users who have at least one active or pending memory past its expiry (uses the expires_at index). */
export async function selectUsersWithDueExpiry(db: SqlClient, q: { now: Date; limit: number }): Promise<string[]> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT DISTINCT user_id::text AS user_id FROM (
      SELECT user_id FROM memory_items
      WHERE expires_at <= ${q.now}::timestamptz AND status IN ('active', 'pending')
      ORDER BY expires_at
      LIMIT ${q.limit * 20}::int
    ) due
    LIMIT ${q.limit}::int`;
  return z.array(z.object({ user_id: z.string() })).parse(rows).map((r) => r.user_id);
}

const ExpiredRowSchema = z.object({ id: z.string(), content: z.string() });

/**
 * Marks the user's active and pending memories past their expiry as expired and returns them.
 * The status condition makes it idempotent: a second sweep (another replica) finds nothing.
 */
export async function expireDueMemoryItems(
  db: SqlClient,
  q: { userId: string; now: Date; limit: number },
): Promise<z.infer<typeof ExpiredRowSchema>[]> {
  const rows = await db.$queryRaw<unknown[]>`
    UPDATE memory_items SET status = 'expired', updated_at = now()
    WHERE id IN (
      SELECT id FROM memory_items
      WHERE user_id = ${q.userId}::uuid AND status IN ('active', 'pending') AND expires_at <= ${q.now}::timestamptz
      ORDER BY expires_at
      LIMIT ${q.limit}::int
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id::text, content`;
  return z.array(ExpiredRowSchema).parse(rows);
}
