import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { config } from "@/lib/config";
import { dependencyRecovered, log } from "@/lib/log";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { openPglite } from "@/lib/db/open-pglite";

export type Db = PrismaClient;

/** Where the embedded database lives when DATABASE_URL is unset. */
export const pgliteDataDir = () => path.join(config.dataDir, "pglite");

function createClient(poolSize = 10): PrismaClient {
  // Prisma prints nothing itself: failed queries are thrown (and logged once, by whoever
  // handles them); its warnings come through our logger. "minimal" keeps code frames out of
  // error messages.
  const adapter = config.DATABASE_URL ? postgresAdapter(config.DATABASE_URL, poolSize) : new PrismaPGlite(openPglite({ dataDir: pgliteDataDir() }));
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "warn" }], errorFormat: "minimal" });
  client.$on("warn", (event) => log.warn("prisma warning", { message: event.message, target: event.target }));
  return client;
}

function postgresAdapter(connectionString: string, max: number): PrismaPg {
  // Waiting for a connection (a new one, or a free slot) never hangs forever: after 10 s it
  // fails like any other database error, so a request answers 503 and a worker job is retried,
  // instead of both waiting on a socket that will never answer.
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 10_000 });
  // A new connection is proof the database is back: ends an outage the logger is counting.
  pool.on("connect", () => dependencyRecovered("postgres"));
  const onError = (error: Error) => log.warn("postgres connection error", { error });
  return new PrismaPg(pool, { onPoolError: onError, onConnectionError: onError });
}

const KEY = Symbol.for("mnemo.prisma");
const g = globalThis as unknown as Record<symbol, PrismaClient | undefined>;

const BACKGROUND_KEY = Symbol.for("mnemo.prisma.background");
const createdHere = new WeakSet<PrismaClient>();
const scoped = new AsyncLocalStorage<PrismaClient>();

/**
 * The process-wide Prisma client (PostgreSQL through pg, or the embedded PGlite). Lazy, so
 * builds never open a database. Inside runWithBackgroundDb it is the background client.
 */
export function getDb(): PrismaClient {
  const background = scoped.getStore();
  if (background) return background;
  if (!g[KEY]) {
    g[KEY] = createClient();
    createdHere.add(g[KEY]);
  }
  return g[KEY];
}

/**
 * Runs background work (the memory-write worker) on a client with its own small connection
 * pool, so it never waits in the request pool's queue behind chat requests, and chat requests
 * never wait behind it. Embedded PGlite has one connection: there it is the same client.
 */
export function runWithBackgroundDb<T>(work: () => Promise<T>): Promise<T> {
  // A client put in place by a test (an in-memory PGlite) serves background work too.
  if (!config.DATABASE_URL || !createdHere.has(getDb())) return work();
  g[BACKGROUND_KEY] ??= createClient(config.memory.workerConcurrency + 2);
  return scoped.run(g[BACKGROUND_KEY], work);
}
