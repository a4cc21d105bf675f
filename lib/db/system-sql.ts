import "server-only";
import { z } from "zod";
import { dbDate, dbNumber, type SqlClient } from "@/lib/db/sql-client";
import type { MemoryWriteQueueStats, MigrationStatus } from "@/lib/ops/schemas";

// Operational read-outs for admins, across all users on purpose (like the worker's claims).
// Each count is its own subquery so it can use the (status, created_at) index.

const QueueRowSchema = z.object({
  queued: dbNumber,
  running: dbNumber,
  done_24h: dbNumber,
  failed_24h: dbNumber,
  oldest_pending_at: dbDate.nullable(),
});

export async function selectMemoryWriteQueueStats(db: SqlClient): Promise<MemoryWriteQueueStats> {
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

const MigrationRowSchema = z.object({
  applied: dbNumber,
  failed: dbNumber,
  latest: z.string().nullable(),
  latest_at: dbDate.nullable(),
});

/** From Prisma's _prisma_migrations, which scripts/migrate.ts keeps. */
export async function selectMigrationStatus(db: SqlClient): Promise<MigrationStatus> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT
      count(*) FILTER (WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL) AS applied,
      count(*) FILTER (WHERE finished_at IS NULL AND rolled_back_at IS NULL) AS failed,
      (SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
        ORDER BY migration_name DESC LIMIT 1) AS latest,
      max(finished_at) FILTER (WHERE rolled_back_at IS NULL) AS latest_at
    FROM _prisma_migrations`;
  const row = MigrationRowSchema.parse(rows[0]);
  return { applied: row.applied, failed: row.failed, latest: row.latest, latestAt: row.latest_at?.toISOString() ?? null };
}
