// Vitest globalSetup: creates the test database when missing and applies the migrations once
// per run, before any test file starts. About half a second on an up-to-date database.
import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";

// Both integration projects name this setup, and vitest loads it once per project in one
// process. The migration engine's WebAssembly glue is a single native module: a second copy of
// this file must use the first one's engine (a second instance would take the glue over) and
// run after it.
const g = globalThis as { __mnemoTestDbSetup?: Promise<void>; __mnemoApplyMigrations?: typeof applyMigrations };
g.__mnemoApplyMigrations ??= applyMigrations;
const migrate = g.__mnemoApplyMigrations;

export default async function setup(project: TestProject) {
  // test.env from vitest.config.ts is what the test workers see; prefer it.
  const connectionString = project.config.env?.DATABASE_URL ?? process.env.DATABASE_URL;
  if (!connectionString) return;
  const run = (g.__mnemoTestDbSetup ?? Promise.resolve()).then(async () => {
    await ensureDatabase(connectionString);
    await migrate({ connectionString });
  });
  g.__mnemoTestDbSetup = run.catch(() => undefined);
  await run;
}

/** CREATE DATABASE through the server's `postgres` database, tolerating a parallel creator. */
async function ensureDatabase(connectionString: string) {
  const url = new URL(connectionString);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount === 0) {
      await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`).catch((error: { code?: string }) => {
        // 42P04 duplicate_database, 23505 when two runs race on the catalog.
        if (error.code !== "42P04" && error.code !== "23505") throw error;
      });
    }
  } finally {
    await admin.end();
  }
}
