// Writes the next migration from the difference between prisma/migrations and schema.prisma
// (the offline stand-in for `prisma migrate dev --create-only`).
// Usage: npm run db:new-migration -- <name>
// Review the SQL, add by hand what Prisma cannot model (and list it in
// lib/db/migrations/migration-hand-written.ts), then run `npm run db:migrate`.
import fs from "node:fs";
import path from "node:path";

async function main(): Promise<string> {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    throw new Error("usage: scripts/new-migration.ts <name>  (lower-case letters, digits and _)");
  }
  const started = performance.now();
  const { defaultMigrationsDir } = await import("@/lib/db/migrations/migration-engine");
  const { diffMigrationsAgainstSchema } = await import("@/lib/db/migrations/migration-diff");
  const { sql, replayed } = await diffMigrationsAgainstSchema();
  const ms = Math.round(performance.now() - started);
  if (sql === "") return `[new-migration] no changes: ${replayed.length} migrations match schema.prisma (${ms} ms)`;

  // Prisma names directories by UTC time, so they sort in the order they were made.
  const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const dir = path.join(defaultMigrationsDir, `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: false });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  return `[new-migration] wrote ${path.relative(process.cwd(), dir)}/migration.sql (${ms} ms): review it before applying`;
}

main().then(
  (summary) => {
    console.log(summary);
    process.exit(0);
  },
  (error: unknown) => {
    console.error(`[new-migration] failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
