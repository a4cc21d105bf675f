import "server-only";
import { z } from "zod";
import { dbDate, dbNumber, type SqlClient } from "@/lib/db/sql-client";

// SQL over _prisma_migrations, the table scripts/migrate.ts keeps (the admin System page).

const MigrationRowSchema = z.object({
  applied: dbNumber,
  failed: dbNumber,
  latest: z.string().nullable(),
  latest_at: dbDate.nullable(),
});

/** From Prisma's _prisma_migrations, which scripts/migrate.ts keeps. */
export async function selectMigrationStatus(db: SqlClient) {
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
