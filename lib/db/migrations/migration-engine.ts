import "server-only";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type * as SchemaEngineWasm from "@prisma/schema-engine-wasm";

// Prisma's WebAssembly schema engine (NOTES: the native one cannot be downloaded offline).
// Its package entry imports the .wasm file as an ES module, which Node 20 cannot do without
// --experimental-wasm-modules, so the bindings are wired up by hand, the way wasm-bindgen's
// "bundler" target expects: instantiate the module with the JS glue as its import object.

type Bindings = typeof SchemaEngineWasm;
export type SchemaEngine = SchemaEngineWasm.SchemaEngine;
export type MigrationList = SchemaEngineWasm.MigrationList;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/** Default locations, relative to the repository (not the working directory). */
export const defaultMigrationsDir = path.join(repoRoot, "prisma", "migrations");
export const defaultSchemaPath = path.join(repoRoot, "prisma", "schema.prisma");

/** Filters that exclude nothing: every table and enum is Prisma's. */
export const noFilters: SchemaEngineWasm.SchemaFilter = { externalTables: [], externalEnums: [] };

let bindings: Promise<Bindings> | undefined;

async function loadBindings(): Promise<Bindings> {
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const glue = (await import(pathToFileURL(gluePath).href)) as Bindings & {
    __wbg_set_wasm(exports: WebAssembly.Exports): void;
  };
  const bytes = await fs.promises.readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
  // The engine arms 10 s watchdog timers around its database calls and never clears them, which would keep every script and test run alive for 10 s after it is done.
  // Unref them: pending database I/O keeps the process alive while they still matter.
  const imports: Record<string, unknown> = { ...glue };
  for (const name of Object.keys(glue).filter((n) => n.startsWith("__wbg_setTimeout_"))) {
    imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
  }
  const instance = await WebAssembly.instantiate(await WebAssembly.compile(bytes), {
    "./schema_engine_bg.js": imports as WebAssembly.ModuleImports,
  });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

/**
 * Starts a schema engine on a driver adapter (wrap it in withWholeScripts first). The
 * commands used here take the schema and migrations as parameters, so the engine starts with
 * no datamodel. Free it with `engine.free()` when done.
 */
export async function startSchemaEngine(options: {
  adapter: SqlMigrationAwareDriverAdapterFactory;
  log?: (line: string) => void;
}): Promise<SchemaEngine> {
  bindings ??= loadBindings();
  const { SchemaEngine } = await bindings;
  return SchemaEngine.new(
    { datamodels: undefined },
    options.log ?? (() => {}),
    bindMigrationAwareSqlAdapterFactory(options.adapter),
  );
}

/**
 * Makes `executeScript` run a migration script as ONE simple-protocol query, awaited, as
 * Prisma's native engine does: PostgreSQL then runs it as one implicit transaction, so a
 * failing migration leaves nothing half-applied. The adapters' own versions are unsafe for
 * migrations: @prisma/adapter-pg splits the script on every ";" (breaking dollar-quoted
 * bodies and string literals) and runs the pieces one by one, and pglite-prisma-adapter does
 * not await the script at all, so a failing migration would be recorded as applied.
 */
export function withWholeScripts(
  factory: SqlMigrationAwareDriverAdapterFactory,
  runScript: (script: string) => Promise<unknown>,
): SqlMigrationAwareDriverAdapterFactory {
  const patch = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    // Both adapters turn driver errors into DriverAdapterErrors the engine can report.
    const toDriverAdapterError = (adapter as unknown as { onError?: (error: unknown) => never }).onError;
    adapter.executeScript = async (script) => {
      try {
        await runScript(script);
      } catch (error) {
        if (toDriverAdapterError) toDriverAdapterError.call(adapter, error);
        throw error;
      }
    };
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => patch(await factory.connect()),
    // Our flows never need one (lib/db/migrations/migration-diff.ts replays into a scratch PGlite).
    connectToShadowDb: () => Promise.reject(new Error("shadow databases are not used by Mnemo's migration tooling")),
  };
}

/** The Prisma schema as the engine takes it. */
export function readSchemaFiles(schemaPath: string = defaultSchemaPath): SchemaEngineWasm.SchemasContainer {
  return { files: [{ path: schemaPath, content: fs.readFileSync(schemaPath, "utf8") }] };
}

/** Reads prisma/migrations the way the Prisma CLI does: one directory per migration, sorted by name. */
export function readMigrationList(migrationsDir: string = defaultMigrationsDir): MigrationList {
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const directories = fs.existsSync(migrationsDir)
    ? fs
        .readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: directories.map((name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      let content: SchemaEngineWasm.JsResult<string, string>;
      try {
        content = { tag: "ok", value: fs.readFileSync(file, "utf8") };
      } catch (error) {
        content = { tag: "error", value: (error as Error).message };
      }
      return { path: name, migrationFile: { path: "migration.sql", content } };
    }),
  };
}
