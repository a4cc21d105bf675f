import "server-only";
import { config } from "@/lib/config";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { pgliteDataDir } from "@/lib/db/client";
import { openPglite } from "@/lib/db/open-pglite";

/**
 * Brings the eval's database up to date before a run (idempotent, under a second when nothing
 * is pending), so `npm run eval` works on a fresh PostgreSQL or a fresh embedded PGlite. The
 * PGlite instance stays open: it is the one getDb() then uses.
 */
export async function prepareEvalDatabase(): Promise<{ target: string; applied: string[] }> {
  if (config.DATABASE_URL) {
    const url = new URL(config.DATABASE_URL);
    if (url.password) url.password = "***";
    return { target: url.toString(), ...(await applyMigrations({ connectionString: config.DATABASE_URL })) };
  }
  const dataDir = pgliteDataDir();
  return { target: `PGlite at ${dataDir}`, ...(await applyMigrations({ pglite: openPglite({ dataDir }) })) };
}
