// Vitest globalSetup: creates the test database when missing and applies the migrations once
// per run, before any test file starts. About half a second on an up-to-date database.
import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";

export default async function setup(project: TestProject) {
  // test.env from vitest.config.ts is what the test workers see; prefer it.
  const connectionString = project.config.env?.DATABASE_URL ?? process.env.DATABASE_URL;
  if (!connectionString) return;
  await ensureDatabase(connectionString);
  await applyMigrations({ connectionString });
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
