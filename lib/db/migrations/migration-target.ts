import "server-only";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { type SchemaEngine, startSchemaEngine, withWholeScripts } from "@/lib/db/migrations/migration-engine";

/** The database to migrate: a PostgreSQL connection string, or an open PGlite (left open). */
export type MigrationTarget = { connectionString?: string; pglite?: PGlite };

// Session-level lock that serialises app instances migrating the same database at once.
// Not Prisma's own key (72707369): the engine takes that one on its own connection, would
// wait on us, and give up after 10 s.
const MIGRATION_LOCK_KEY = "4726180771";

/**
 * Runs `work` with a schema engine connected to the target and releases everything after.
 * On PostgreSQL it holds a pg_advisory_lock for the whole time, so concurrent callers (several
 * instances starting at once) take turns instead of racing on `_prisma_migrations`.
 */
export async function withSchemaEngine<T>(target: MigrationTarget, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  if (target.pglite) {
    // One process owns a PGlite data dir, so there is nobody to race with.
    const pglite = target.pglite;
    return runEngine(withWholeScripts(new PrismaPGlite(pglite), (script) => pglite.exec(script)), work);
  }
  if (!target.connectionString) throw new Error("a migration target needs a connectionString or a pglite instance");

  const lock = new pg.Client({ connectionString: target.connectionString });
  // A dropped connection fails the pending query; without a listener it would crash the process.
  lock.on("error", () => {});
  await lock.connect();
  // One connection, so the engine's own lock and its statements share a session.
  const pool = new pg.Pool({ connectionString: target.connectionString, max: 1 });
  pool.on("error", () => {});
  try {
    await lock.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    return await runEngine(withWholeScripts(new PrismaPg(pool), (script) => pool.query(script)), work);
  } finally {
    await pool.end();
    // Ending the session releases the advisory lock too, should unlocking fail.
    await lock.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await lock.end();
  }
}

async function runEngine<T>(
  adapter: Parameters<typeof startSchemaEngine>[0]["adapter"],
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const engine = await startSchemaEngine({ adapter });
  try {
    return await work(engine);
  } finally {
    engine.free();
  }
}
