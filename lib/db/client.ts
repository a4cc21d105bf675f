import "server-only";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { config } from "@/lib/config";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { openPglite } from "@/lib/db/open-pglite";

export type Db = PrismaClient;

/** Where the embedded database lives when DATABASE_URL is unset. */
export const pgliteDataDir = () => path.join(config.dataDir, "pglite");

function createClient(): PrismaClient {
  if (config.DATABASE_URL) {
    return new PrismaClient({ adapter: new PrismaPg({ connectionString: config.DATABASE_URL, max: 10 }) });
  }
  return new PrismaClient({ adapter: new PrismaPGlite(openPglite({ dataDir: pgliteDataDir() })) });
}

const KEY = Symbol.for("mnemo.prisma");
const g = globalThis as unknown as Record<symbol, PrismaClient | undefined>;

/** The process-wide Prisma client (PostgreSQL through pg, or the embedded PGlite). Lazy, so builds never open a database. */
export function getDb(): PrismaClient {
  g[KEY] ??= createClient();
  return g[KEY];
}
