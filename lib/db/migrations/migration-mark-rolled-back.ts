import "server-only";
import { type MigrationTarget, withSchemaEngine } from "@/lib/db/migrations/migration-target";

/**
 * The offline `prisma migrate resolve --rolled-back <name>`: marks a failed migration as
 * rolled back so the next applyMigrations retries it (after you have fixed its SQL). Prisma
 * only allows this for migrations recorded as failed.
 */
export async function markMigrationRolledBack(options: MigrationTarget & { migrationName: string }): Promise<void> {
  await withSchemaEngine(options, (engine) => engine.markMigrationRolledBack({ migrationName: options.migrationName }));
}
