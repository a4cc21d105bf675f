import "server-only";
import { defaultMigrationsDir, noFilters, readMigrationList } from "@/lib/db/migrations/migration-engine";
import { type MigrationTarget, withSchemaEngine } from "@/lib/db/migrations/migration-target";

/** Where to apply: a PostgreSQL connection string, or an open PGlite instance (left open). */
export type ApplyMigrationsOptions = MigrationTarget & {
  /** Defaults to the repository's prisma/migrations. */
  migrationsDir?: string;
};

/**
 * Applies the prisma/migrations/*\/migration.sql the database has not seen yet, through
 * Prisma's WebAssembly schema engine, recording `_prisma_migrations` (with Prisma's
 * checksums) exactly as `prisma migrate deploy` does. Idempotent: an up-to-date database is
 * left as it is. Each migration runs as one transaction; a failing one is rolled back and
 * recorded as failed, and blocks later runs until marked rolled back (see
 * lib/db/migrations/migration-mark-rolled-back.ts). Returns the names of the migrations this call applied.
 */
export async function applyMigrations(options: ApplyMigrationsOptions): Promise<{ applied: string[] }> {
  const migrationsList = readMigrationList(options.migrationsDir ?? defaultMigrationsDir);
  return withSchemaEngine(options, async (engine) => {
    const output = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return { applied: output.appliedMigrationNames };
  });
}
