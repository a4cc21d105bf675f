import "server-only";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { stripHandWrittenSql } from "@/lib/db/migrations/migration-hand-written";
import {
  defaultMigrationsDir,
  defaultSchemaPath,
  noFilters,
  readMigrationList,
  readSchemaFiles,
  startSchemaEngine,
  withWholeScripts,
} from "@/lib/db/migrations/migration-engine";

/**
 * Replays prisma/migrations into a throw-away in-memory PGlite, removes the hand-written
 * objects (lib/db/migrations/migration-hand-written.ts), and diffs the result against schema.prisma.
 * Returns the SQL that would bring the migrations up to the schema: an empty string when
 * there is no drift. (A live PostgreSQL as the scratch database fails in the WebAssembly
 * engine, and its shadow-database path needs a factory it does not accept: see NOTES.)
 */
export async function diffMigrationsAgainstSchema(
  options: { migrationsDir?: string; schemaPath?: string } = {},
): Promise<{ sql: string; replayed: string[] }> {
  const scratch = new PGlite({ extensions: { vector } });
  const adapter = withWholeScripts(new PrismaPGlite(scratch), (script) => scratch.exec(script));
  const schema = readSchemaFiles(options.schemaPath ?? defaultSchemaPath);
  const engine = await startSchemaEngine({ adapter });
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: readMigrationList(options.migrationsDir ?? defaultMigrationsDir),
      filters: noFilters,
    });
    await scratch.exec(stripHandWrittenSql());
    // "schemaDatasource" is the database behind the adapter; unlike "migrations" it is read
    // with the schema's preview features, so the vector extension is not reported as missing.
    const result = await engine.diff({
      from: { tag: "schemaDatasource", files: schema.files, configDir: process.cwd() },
      to: { tag: "schemaDatamodel", files: schema.files },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return { sql: isEmptyScript(result.stdout) ? "" : (result.stdout ?? "").trim() + "\n", replayed: appliedMigrationNames };
  } finally {
    engine.free();
    await scratch.close();
  }
}

/** The engine says "-- This is an empty migration." rather than printing nothing. */
function isEmptyScript(stdout: string | null): boolean {
  const statements = (stdout ?? "")
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.trim().startsWith("--"));
  return statements.length === 0;
}
