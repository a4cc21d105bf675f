import "server-only";
import { config } from "@/lib/config";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
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
    try {
      return { target: url.toString(), ...(await applyMigrations({ connectionString: config.DATABASE_URL })) };
    } catch (error) {
      // 3D000 invalid_catalog_name: the server is there, the database is not. The eval never
      // creates databases (it may point at a shared server); say what to do instead.
      if ((error as { code?: string }).code === "3D000") {
        throw new Error(`${(error as Error).message} at ${url.host}: create it (createdb) or point DATABASE_URL at an existing database; the eval applies the migrations itself`);
      }
      throw error;
    }
  }
  const dataDir = pgliteDataDir();
  return { target: `PGlite at ${dataDir}`, ...(await applyMigrations({ pglite: openPglite({ dataDir }) })) };
}
