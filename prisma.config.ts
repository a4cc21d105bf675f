import path from "node:path";
import { defineConfig } from "prisma/config";

// Every Prisma CLI command first tries to download a native schema engine, which cannot
// work offline. Pointing it at a stub lets `generate`, `validate` and `format` run; schema
// changes are applied by scripts/migrate.ts through Prisma's WebAssembly schema engine.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "scripts", "prisma-engine-stub.sh");

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  datasource: {
    // env("DATABASE_URL") would throw when unset; `generate` does not need a database.
    url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/mnemo",
  },
});
