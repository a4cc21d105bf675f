import "server-only";
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";

/**
 * Opens the embedded PostgreSQL (PGlite with pgvector) used when DATABASE_URL is unset.
 * Only one process may hold a data dir, so the instance is cached on globalThis: Next's
 * dev server re-evaluates modules and must not open it twice. PGlite queues queries until
 * it is ready, so callers need not await start-up.
 */
export function openPglite(options: { dataDir: string }): PGlite {
  const key = Symbol.for(`mnemo.pglite:${options.dataDir}`);
  const g = globalThis as unknown as Record<symbol, PGlite | undefined>;
  if (!g[key]) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    g[key] = new PGlite({ dataDir: options.dataDir, extensions: { vector } });
  }
  return g[key];
}
