// Applies pending migrations (npm run db:migrate): to DATABASE_URL when set, otherwise to the
// embedded PGlite under <DATA_DIR>/pglite. Run by scripts/start.mjs before the app starts.
// Usage: node --conditions=react-server --import tsx scripts/migrate.ts
import path from "node:path";

async function main(): Promise<string> {
  const started = performance.now();
  // Imported inside main so a bad environment is reported like any other failure.
  const { config } = await import("@/lib/config");
  const { applyMigrations } = await import("@/lib/db/apply-migrations");

  let target: string;
  let applied: string[];
  if (config.DATABASE_URL) {
    target = redact(config.DATABASE_URL);
    ({ applied } = await applyMigrations({ connectionString: config.DATABASE_URL }));
  } else {
    const { openPglite } = await import("@/lib/db/open-pglite");
    const dataDir = path.join(config.dataDir, "pglite");
    const relative = path.relative(process.cwd(), dataDir);
    target = `PGlite at ${relative && !relative.startsWith("..") ? relative : dataDir}`;
    const pglite = openPglite({ dataDir });
    try {
      ({ applied } = await applyMigrations({ pglite }));
    } finally {
      // Only one process may hold the data dir: release it before the app opens it.
      await pglite.close();
    }
  }
  const ms = Math.round(performance.now() - started);
  const what = applied.length === 0 ? "already up to date" : `applied ${applied.length} (${applied.join(", ")})`;
  return `[migrate] ${target}: ${what} in ${ms} ms`;
}

/** Hides the password in a connection string. */
function redact(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "DATABASE_URL";
  }
}

main().then(
  (summary) => {
    console.log(summary);
    process.exit(0);
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[migrate] failed: ${message}`);
    process.exit(1);
  },
);
