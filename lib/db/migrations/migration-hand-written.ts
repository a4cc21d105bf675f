import "server-only";

/**
 * Database objects written by hand in prisma/migrations because schema.prisma cannot express
 * them. The drift check and scripts/new-migration.ts remove them from the scratch database
 * before diffing, so Prisma's diff neither reports them as drift nor emits SQL to drop them.
 * Add every new hand-written index, CHECK constraint or generated column here.
 *
 * (Prisma ignores CHECK constraints and partial indexes when diffing today; they are listed
 * anyway so a future engine that starts seeing them changes nothing.)
 */
export const handWrittenObjects = {
  indexes: [
    // The HNSW indexes are not here: since 20261201053912 each embedding model gets a partial
    // one created at run time (lib/embeddings), never by migrations.
    "memory_items_search_vector_idx",
    "memory_items_superseded_by_idx",
    "memory_write_jobs_pending_idx",
    "memory_write_jobs_one_live_episode_idx",
  ],
  checkConstraints: [
    { table: "users", name: "users_role_check" },
    { table: "memory_items", name: "memory_items_type_check" },
    { table: "memory_items", name: "memory_items_status_check" },
    { table: "memory_items", name: "memory_items_content_length_check" },
    { table: "memory_items", name: "memory_items_importance_check" },
    { table: "memory_items", name: "memory_items_confidence_check" },
    { table: "memory_write_events", name: "memory_write_events_operation_check" },
    { table: "memory_write_jobs", name: "memory_write_jobs_status_check" },
  ],
  /** Declared Unsupported(...) in schema.prisma; Prisma reads their expression as a default. */
  generatedColumns: [{ table: "memory_items", column: "search_vector" }],
} as const;

const q = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** SQL that removes the hand-written objects from a scratch database (never run it elsewhere). */
export function stripHandWrittenSql(): string {
  return [
    ...handWrittenObjects.indexes.map((name) => `DROP INDEX IF EXISTS ${q(name)};`),
    ...handWrittenObjects.checkConstraints.map(
      (c) => `ALTER TABLE ${q(c.table)} DROP CONSTRAINT IF EXISTS ${q(c.name)};`,
    ),
    ...handWrittenObjects.generatedColumns.map(
      (c) => `ALTER TABLE ${q(c.table)} ALTER COLUMN ${q(c.column)} DROP EXPRESSION IF EXISTS;`,
    ),
  ].join("\n");
}
