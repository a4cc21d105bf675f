// The migration history against schema.prisma and against a real PostgreSQL: no drift, the
// hand-written objects are in place, re-applying is harmless, and _prisma_migrations holds
// what `prisma migrate deploy` would have written.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { config } from "@/lib/config";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { diffMigrationsAgainstSchema } from "@/lib/db/migrations/migration-diff";
import { defaultMigrationsDir, defaultSchemaPath } from "@/lib/db/migrations/migration-engine";
import { handWrittenObjects } from "@/lib/db/migrations/migration-hand-written";
import { markMigrationRolledBack } from "@/lib/db/migrations/migration-mark-rolled-back";
import type { MigrationTarget } from "@/lib/db/migrations/migration-target";

const migrationNames = fs
  .readdirSync(defaultMigrationsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe("migration history vs schema.prisma", () => {
  it("has no drift (hand-written objects aside)", async () => {
    const { sql, replayed } = await diffMigrationsAgainstSchema();
    expect(replayed).toEqual(migrationNames);
    expect(sql).toBe("");
  });

  it("turns a schema change into SQL without touching the hand-written objects", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mnemo-schema-"));
    try {
      const schemaPath = path.join(dir, "schema.prisma");
      const schema = fs.readFileSync(defaultSchemaPath, "utf8");
      const anchor = '  deletedAt            DateTime?                @map("deleted_at") @db.Timestamptz(3)\n';
      expect(schema).toContain(anchor);
      fs.writeFileSync(schemaPath, schema.replace(anchor, `${anchor}  pinned Boolean @default(false)\n`));

      const { sql } = await diffMigrationsAgainstSchema({ schemaPath });
      expect(sql).toContain('ALTER TABLE "memory_items" ADD COLUMN     "pinned" BOOLEAN NOT NULL DEFAULT false;');
      expect(sql).not.toMatch(/DROP INDEX|DROP CONSTRAINT|DROP DEFAULT|EXTENSION/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("applyMigrations on PostgreSQL", () => {
  const admin = new pg.Client({ connectionString: serverUrl("postgres") });
  const database = `mnemo_migrations_${process.pid}_${Date.now()}`;
  const connectionString = serverUrl(database);
  let db: pg.Client;

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    db = new pg.Client({ connectionString });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end().catch(() => {});
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  });

  it("applies each migration once, even when two instances start together", async () => {
    const [a, b] = await Promise.all([applyMigrations({ connectionString }), applyMigrations({ connectionString })]);
    expect([...a.applied, ...b.applied]).toEqual(migrationNames);
  });

  it("creates the hand-written indexes, CHECK constraints and generated column", async () => {
    const indexes = await db.query<{ indexname: string }>(
      "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexname = ANY($1)",
      [handWrittenObjects.indexes],
    );
    expect(indexes.rows.map((r) => r.indexname).sort()).toEqual([...handWrittenObjects.indexes].sort());

    const checks = await db.query<{ conname: string }>(
      "SELECT conname FROM pg_constraint WHERE contype = 'c' AND conname = ANY($1)",
      [handWrittenObjects.checkConstraints.map((c) => c.name)],
    );
    expect(checks.rowCount).toBe(handWrittenObjects.checkConstraints.length);

    const generated = await db.query(
      "SELECT 1 FROM information_schema.columns WHERE table_name = 'memory_items' AND column_name = 'search_vector' AND is_generated = 'ALWAYS'",
    );
    expect(generated.rowCount).toBe(1);

    // Any dimension: the column is an untyped vector; per-model HNSW indexes are made at run time.
    const embedding = await db.query<{ type: string }>(
      "SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = 'memory_items'::regclass AND attname = 'embedding'",
    );
    expect(embedding.rows[0]?.type).toBe("vector");
  });

  it("enforces the CHECK constraints", async () => {
    const userId = randomUUID();
    await db.query("INSERT INTO users (id, name, email, updated_at) VALUES ($1, 'C', $2, now())", [userId, `${userId}@test`]);
    const insertMemory = (type: string, content: string, importance = 0.5) =>
      db.query(
        "INSERT INTO memory_items (id, user_id, content, type, importance, updated_at) VALUES ($1, $2, $3, $4, $5, now())",
        [randomUUID(), userId, content, type, importance],
      );
    await expect(insertMemory("fact", "ok")).resolves.toBeDefined();
    const violations: [string, string, number?][] = [["bogus", "x"], ["fact", ""], ["fact", "x".repeat(2001)], ["fact", "x", 1.5]];
    for (const [type, content, importance] of violations) {
      await expect(insertMemory(type, content, importance)).rejects.toMatchObject({ code: "23514" });
    }
    await expect(db.query("UPDATE users SET role = 'root' WHERE id = $1", [userId])).rejects.toMatchObject({ code: "23514" });
  });

  it("is a no-op the second time and keeps existing rows", async () => {
    const id = randomUUID();
    await db.query("INSERT INTO users (id, name, email, updated_at) VALUES ($1, 'Kept', $2, now())", [id, `${id}@test`]);
    const before = await db.query("SELECT id, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name");

    await expect(applyMigrations({ connectionString })).resolves.toEqual({ applied: [] });

    const kept = await db.query("SELECT name FROM users WHERE id = $1", [id]);
    expect(kept.rows).toEqual([{ name: "Kept" }]);
    const after = await db.query("SELECT id, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name");
    expect(after.rows).toEqual(before.rows);
  });

  it("records _prisma_migrations as Prisma does (checksum = sha256 of migration.sql)", async () => {
    const { rows } = await db.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      applied_steps_count: number;
      logs: string | null;
    }>("SELECT * FROM _prisma_migrations ORDER BY migration_name");
    expect(rows.map((r) => r.migration_name)).toEqual(migrationNames);
    for (const row of rows) {
      const file = fs.readFileSync(path.join(defaultMigrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });
});

describe("a failing migration", () => {
  // A copy of the real history plus a migration whose last statement fails. The function
  // body holds ";" inside dollar quotes, which a naive statement splitter would break.
  const migrationsDir = fs.mkdtempSync(path.join(os.tmpdir(), "mnemo-migrations-"));
  const broken = "29991231000000_broken";
  fs.cpSync(defaultMigrationsDir, migrationsDir, { recursive: true });
  fs.mkdirSync(path.join(migrationsDir, broken));
  const brokenSql = [
    'CREATE TABLE "half_done" ("id" INTEGER);',
    "CREATE FUNCTION half_done_answer() RETURNS integer LANGUAGE plpgsql AS $$ BEGIN RETURN 42; END $$;",
    "SELECT 1 / 0;",
  ].join("\n");
  fs.writeFileSync(path.join(migrationsDir, broken, "migration.sql"), brokenSql);
  afterAll(() => fs.rmSync(migrationsDir, { recursive: true, force: true }));

  const targets: Record<string, () => Promise<{ target: MigrationTarget; query: (sql: string) => Promise<unknown[]>; close: () => Promise<void> }>> = {
    PostgreSQL: async () => {
      const database = `mnemo_migrations_fail_${process.pid}_${Date.now()}`;
      const admin = new pg.Client({ connectionString: serverUrl("postgres") });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${database}"`);
      const client = new pg.Client({ connectionString: serverUrl(database) });
      await client.connect();
      return {
        target: { connectionString: serverUrl(database) },
        query: async (sql) => (await client.query(sql)).rows,
        close: async () => {
          await client.end();
          await admin.query(`DROP DATABASE "${database}" WITH (FORCE)`);
          await admin.end();
        },
      };
    },
    PGlite: async () => {
      const pglite = new PGlite({ extensions: { vector } });
      return { target: { pglite }, query: async (sql) => (await pglite.query(sql)).rows, close: () => pglite.close() };
    },
  };

  for (const [name, open] of Object.entries(targets)) {
    it(`is rolled back whole on ${name} and retried once marked rolled back`, async () => {
      const db = await open();
      try {
        await expect(applyMigrations({ ...db.target, migrationsDir })).rejects.toThrow(/division by zero/);
        expect(await db.query("SELECT to_regclass('half_done') AS t, (SELECT count(*)::int FROM pg_proc WHERE proname = 'half_done_answer') AS f")).toEqual([{ t: null, f: 0 }]);
        await expect(applyMigrations({ ...db.target, migrationsDir })).rejects.toThrow(/failed migrations/);

        fs.writeFileSync(path.join(migrationsDir, broken, "migration.sql"), brokenSql.replace("SELECT 1 / 0;", "SELECT 1;"));
        try {
          await markMigrationRolledBack({ ...db.target, migrationName: broken });
          await expect(applyMigrations({ ...db.target, migrationsDir })).resolves.toEqual({ applied: [broken] });
          expect(await db.query("SELECT half_done_answer() AS answer")).toEqual([{ answer: 42 }]);
        } finally {
          fs.writeFileSync(path.join(migrationsDir, broken, "migration.sql"), brokenSql);
        }
      } finally {
        await db.close();
      }
    });
  }
});

/** The test server's URL with another database name. */
function serverUrl(database: string): string {
  if (!config.DATABASE_URL) throw new Error("these tests need DATABASE_URL (vitest.config.ts sets it)");
  const url = new URL(config.DATABASE_URL);
  url.pathname = `/${database}`;
  return url.toString();
}
