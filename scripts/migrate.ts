// Applies pending migrations (npm run db:migrate): to DATABASE_URL when set, otherwise to the
// embedded PGlite under <DATA_DIR>/pglite, then makes sure the configured embedding space has its
// partial HNSW index (lib/embeddings/ensure-embedding-index.ts). Run by scripts/start.mjs before
// the app starts.
//   npm run db:migrate                          apply what is pending
//   npm run db:migrate -- --rolled-back <name>  mark a failed migration rolled back (after
//                                               fixing its SQL), like `prisma migrate resolve`
import path from "node:path";
import type { MigrationTarget } from "@/lib/db/migrations/migration-target";

async function main(): Promise<string> {
  const started = performance.now();
  const rolledBackFlag = process.argv.indexOf("--rolled-back");
  const rolledBack = rolledBackFlag > 0 ? process.argv[rolledBackFlag + 1] : undefined;
  if (rolledBackFlag > 0 && !rolledBack) throw new Error("--rolled-back needs a migration name");

  // Imported here so that a bad environment is reported like any other failure.
  const { config } = await import("@/lib/config");
  const { applyMigrations } = await import("@/lib/db/migrations/apply-migrations");
  const { markMigrationRolledBack } = await import("@/lib/db/migrations/migration-mark-rolled-back");

  const { ensureEmbeddingIndex } = await import("@/lib/embeddings/ensure-embedding-index");
  const { PrismaClient } = await import("@/lib/generated/prisma/client");

  const run = async (target: MigrationTarget, prisma: () => Promise<InstanceType<typeof PrismaClient>>) => {
    if (rolledBack) {
      await markMigrationRolledBack({ ...target, migrationName: rolledBack });
      return `marked ${rolledBack} rolled back; run db:migrate again to retry it`;
    }
    const { applied } = await applyMigrations(target);
    const migrated = applied.length === 0 ? "already up to date" : `applied ${applied.length} (${applied.join(", ")})`;
    const db = await prisma();
    try {
      const index = await ensureEmbeddingIndex({ db });
      const built = index.state === "built" ? `; built embedding index ${index.name} in ${index.ms} ms` : "";
      return migrated + built;
    } finally {
      await db.$disconnect();
    }
  };

  let label: string;
  let outcome: string;
  if (config.DATABASE_URL) {
    label = redact(config.DATABASE_URL);
    const connectionString = config.DATABASE_URL;
    outcome = await run({ connectionString }, async () => {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
    });
  } else {
    const { openPglite } = await import("@/lib/db/open-pglite");
    const dataDir = path.join(config.dataDir, "pglite");
    const relative = path.relative(process.cwd(), dataDir);
    label = `PGlite at ${relative && !relative.startsWith("..") ? relative : dataDir}`;
    const pglite = openPglite({ dataDir });
    try {
      outcome = await run({ pglite }, async () => {
        const { PrismaPGlite } = await import("pglite-prisma-adapter");
        return new PrismaClient({ adapter: new PrismaPGlite(pglite) });
      });
    } finally {
      // Only one process may hold the data dir: release it before the app opens it.
      await pglite.close();
    }
  }
  return `[migrate] ${label}: ${outcome} in ${Math.round(performance.now() - started)} ms`;
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

/** The engine appends a Rust span trace ("   0: sql_schema_connector::..."): keep the message. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split("\n");
  const trace = lines.findIndex((line) => /^\s+\d+: /.test(line));
  const text = (trace === -1 ? lines : lines.slice(0, trace)).join("\n").trim();
  const hint = /failed migrations in the target database/.test(text)
    ? "\nFix that migration's SQL, then: npm run db:migrate -- --rolled-back <migration name>"
    : "";
  return text + hint;
}

main().then(
  (summary) => {
    console.log(summary);
    process.exit(0);
  },
  (error: unknown) => {
    console.error(`[migrate] failed: ${describe(error)}`);
    process.exit(1);
  },
);
