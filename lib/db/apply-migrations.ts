import "server-only";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { defaultMigrationsDir, noFilters, readMigrationList, startSchemaEngine } from "@/lib/db/migration-engine";

/** Where to apply: a PostgreSQL connection string, or an open PGlite instance (left open). */
export type ApplyMigrationsOptions = {
  connectionString?: string;
  pglite?: PGlite;
  /** Defaults to the repository's prisma/migrations. */
  migrationsDir?: string;
};

// Session-level lock that serialises app instances migrating the same database at once.
// Not Prisma's own key (72707369): the engine takes that one on its own connection and
// would wait on us, then give up after 10 s.
const MIGRATION_LOCK_KEY = 4_726_180_771n;

/**
 * Applies prisma/migrations/*\/migration.sql that the database has not seen yet, through
 * Prisma's WebAssembly schema engine, recording `_prisma_migrations` (with Prisma's
 * checksums) exactly as `prisma migrate deploy` does. Idempotent: an up-to-date database
 * is left as it is. Returns the names of the migrations applied by this call.
 */
export async function applyMigrations(options: ApplyMigrationsOptions): Promise<{ applied: string[] }> {
  const migrationsList = readMigrationList(options.migrationsDir ?? defaultMigrationsDir);
  if (options.pglite) {
    // One process owns a PGlite data dir, so there is nobody to race with.
    return run(new PrismaPGlite(options.pglite), migrationsList);
  }
  if (!options.connectionString) throw new Error("applyMigrations needs a connectionString or a pglite instance");

  const lock = new pg.Client({ connectionString: options.connectionString });
  await lock.connect();
  // One connection, so the engine's own lock and its statements share a session.
  const pool = new pg.Pool({ connectionString: options.connectionString, max: 1 });
  try {
    await lock.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY.toString()]);
    return await run(new PrismaPg(pool), migrationsList);
  } finally {
    await pool.end();
    // Ending the session releases the advisory lock, also when unlocking fails.
    await lock.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY.toString()]).catch(() => {});
    await lock.end();
  }
}

async function run(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  migrationsList: ReturnType<typeof readMigrationList>,
): Promise<{ applied: string[] }> {
  const engine = await startSchemaEngine({ adapter });
  try {
    const output = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return { applied: output.appliedMigrationNames };
  } finally {
    engine.free();
  }
}
