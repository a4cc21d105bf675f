import "server-only";
import { z } from "zod";
import { dbDate, dbNumber, type SqlClient } from "@/lib/db/sql-client";
import { MemoryWriteJobKindSchema, type MemoryWriteJobKind } from "@/lib/db/enums";

// The durable outbox (memory_write_jobs). For a queued job, locked_at doubles as "not before"
// (retry back-off); for a running one it is when the claim was taken (stale detection).
// Claiming is deliberately not scoped to one user: the worker serves everyone.

const JobRowSchema = z.object({
  id: z.string(),
  user_id: z.string(),
  conversation_id: z.string().nullable(),
  kind: MemoryWriteJobKindSchema,
  payload: z.unknown(),
  status: z.enum(["queued", "running", "done", "failed"]),
  attempts: dbNumber,
  correlation_id: z.string(),
  created_at: dbDate,
});
export type MemoryWriteJobRow = z.infer<typeof JobRowSchema>;

/**
 * Queues a job; false when it was not inserted because the conversation already has a live
 * episode job (memory_write_jobs_one_live_episode_idx: at most one per conversation, however
 * many turns finish at once).
 */
export async function insertMemoryWriteJob(
  db: SqlClient,
  j: { id: string; userId: string; conversationId: string | null; kind: MemoryWriteJobKind; payload: unknown; correlationId: string },
): Promise<boolean> {
  const inserted = await db.$executeRaw`
    INSERT INTO memory_write_jobs (id, user_id, conversation_id, kind, payload, status, attempts, correlation_id, created_at, updated_at)
    VALUES (${j.id}::uuid, ${j.userId}::uuid, ${j.conversationId}::uuid, ${j.kind}, ${JSON.stringify(j.payload)}::jsonb,
            'queued', 0, ${j.correlationId}::uuid, now(), now())
    ON CONFLICT DO NOTHING`;
  return inserted > 0;
}

/**
 * Claims up to `limit` runnable jobs, oldest first: queued ones past their back-off, and
 * running ones whose claim is older than `staleBefore` (their worker died). SKIP LOCKED lets
 * several workers claim concurrently without blocking or double-claiming.
 */
export async function claimMemoryWriteJobs(
  db: SqlClient,
  q: { limit: number; staleBefore: Date; userId?: string },
): Promise<MemoryWriteJobRow[]> {
  const rows = await db.$queryRaw<unknown[]>`
    UPDATE memory_write_jobs j
    SET status = 'running', locked_at = now(), attempts = j.attempts + 1, updated_at = now()
    WHERE j.id IN (
      SELECT id FROM memory_write_jobs
      WHERE ((status = 'queued' AND (locked_at IS NULL OR locked_at <= now()))
          OR (status = 'running' AND locked_at < ${q.staleBefore}::timestamptz))
        AND (${q.userId ?? null}::uuid IS NULL OR user_id = ${q.userId ?? null}::uuid)
      ORDER BY created_at
      LIMIT ${q.limit}::int
      FOR UPDATE SKIP LOCKED
    )
    RETURNING j.id::text, j.user_id::text, j.conversation_id::text, j.kind, j.payload, j.status, j.attempts,
              j.correlation_id::text, j.created_at`;
  return z.array(JobRowSchema).parse(rows);
}

/**
 * Row-locks the job inside the write's own transaction and reports whether it is already done.
 * Whoever commits first wins; a second worker that reclaimed the same job then sees "done"
 * and rolls back, which is what makes each job's effect happen exactly once. A job id that is
 * not this user's reads as done, so one user's write can never complete another user's job.
 */
export async function lockMemoryWriteJob(db: SqlClient, q: { jobId: string; userId: string }): Promise<{ done: boolean }> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT status FROM memory_write_jobs WHERE id = ${q.jobId}::uuid AND user_id = ${q.userId}::uuid FOR UPDATE`;
  const row = z.object({ status: z.string() }).optional().parse(rows[0]);
  return { done: !row || row.status === "done" };
}

/** Marks the user's job done with its outcome; a no-op (returns 0) if it already was. */
export async function completeMemoryWriteJob(db: SqlClient, q: { jobId: string; userId: string; result: unknown }): Promise<number> {
  return db.$executeRaw`
    UPDATE memory_write_jobs
    SET status = 'done', result = ${JSON.stringify(q.result)}::jsonb, last_error = NULL,
        finished_at = now(), updated_at = now()
    WHERE id = ${q.jobId}::uuid AND user_id = ${q.userId}::uuid AND status <> 'done'`;
}

/** Refreshes the claims of jobs this worker is still running, so no other worker takes them over. */
export async function touchMemoryWriteJobClaims(db: SqlClient, q: { jobIds: string[] }): Promise<void> {
  if (q.jobIds.length === 0) return;
  await db.$executeRaw`
    UPDATE memory_write_jobs SET locked_at = now()
    WHERE id = ANY(string_to_array(${q.jobIds.join(",")}, ',')::uuid[]) AND status = 'running'`;
}

/** Records a failed attempt: back to queued after `retryAt`, or failed for good when null. */
export async function failMemoryWriteJob(
  db: SqlClient,
  q: { jobId: string; userId: string; error: string; retryAt: Date | null },
): Promise<void> {
  await db.$executeRaw`
    UPDATE memory_write_jobs
    SET status = CASE WHEN ${q.retryAt}::timestamptz IS NULL THEN 'failed' ELSE 'queued' END,
        locked_at = ${q.retryAt}::timestamptz,
        last_error = ${q.error.slice(0, 2000)},
        finished_at = CASE WHEN ${q.retryAt}::timestamptz IS NULL THEN now() ELSE NULL END,
        updated_at = now()
    WHERE id = ${q.jobId}::uuid AND user_id = ${q.userId}::uuid AND status = 'running'`;
}

/** Whether the conversation already has an episode job that is queued, running or done (a failed one may be retried). */
export async function hasLiveEpisodeJob(db: SqlClient, q: { userId: string; conversationId: string }): Promise<boolean> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT 1 FROM memory_write_jobs
    WHERE user_id = ${q.userId}::uuid AND conversation_id = ${q.conversationId}::uuid
      AND kind = 'episode' AND status <> 'failed'
    LIMIT 1`;
  return rows.length > 0;
}

/** Jobs not yet finished (queued or running), for one user or all. */
export async function countPendingMemoryWriteJobs(db: SqlClient, q: { userId?: string }): Promise<number> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT count(*)::int AS n FROM memory_write_jobs
    WHERE status IN ('queued', 'running')
      AND (${q.userId ?? null}::uuid IS NULL OR user_id = ${q.userId ?? null}::uuid)`;
  return z.object({ n: dbNumber }).parse(rows[0]).n;
}

const JobStatusRowSchema = z.object({
  id: z.string(),
  kind: MemoryWriteJobKindSchema,
  status: z.enum(["queued", "running", "done", "failed"]),
  attempts: dbNumber,
  result: z.unknown().nullable(),
  last_error: z.string().nullable(),
  created_at: dbDate,
  finished_at: dbDate.nullable(),
});

/** One job of this user, for the "is my queued write done?" endpoint. */
export async function selectMemoryWriteJob(db: SqlClient, q: { userId: string; jobId: string }) {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT id::text, kind, status, attempts, result, last_error, created_at, finished_at
    FROM memory_write_jobs
    WHERE id = ${q.jobId}::uuid AND user_id = ${q.userId}::uuid`;
  return rows.length ? JobStatusRowSchema.parse(rows[0]) : null;
}

const QueueRowSchema = z.object({
  queued: dbNumber,
  running: dbNumber,
  done_24h: dbNumber,
  failed_24h: dbNumber,
  oldest_pending_at: dbDate.nullable(),
});

/** Counts across all users, for the admin System page; each its own subquery so it can use the (status, created_at) index. */
export async function selectMemoryWriteQueueStats(db: SqlClient) {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT
      (SELECT count(*) FROM memory_write_jobs WHERE status = 'queued') AS queued,
      (SELECT count(*) FROM memory_write_jobs WHERE status = 'running') AS running,
      (SELECT count(*) FROM memory_write_jobs WHERE status = 'done' AND created_at > now() - interval '24 hours') AS done_24h,
      (SELECT count(*) FROM memory_write_jobs WHERE status = 'failed' AND created_at > now() - interval '24 hours') AS failed_24h,
      (SELECT min(created_at) FROM memory_write_jobs WHERE status IN ('queued', 'running')) AS oldest_pending_at`;
  const row = QueueRowSchema.parse(rows[0]);
  return {
    queued: row.queued,
    running: row.running,
    doneLast24h: row.done_24h,
    failedLast24h: row.failed_24h,
    oldestPendingAt: row.oldest_pending_at?.toISOString() ?? null,
  };
}
