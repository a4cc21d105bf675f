import "server-only";
import { config } from "@/lib/config";

// Structured logs: one JSON object per line, carrying the correlation id when there is one.
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = Exclude<keyof typeof LEVELS, "silent">;
type Fields = Record<string, unknown>;

function write(level: Level, msg: string, fields?: Fields) {
  if (LEVELS[level] < LEVELS[config.LOG_LEVEL]) return;
  const line = JSON.stringify({ t: new Date().toISOString(), level, msg, ...fields }, (_k, v) =>
    v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : typeof v === "bigint" ? v.toString() : v,
  );
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(line + "\n");
}

function emit(level: Level, msg: string, fields?: Fields) {
  // A failure caused by an unreachable database or Redis is one outage, not one incident per
  // request: it is counted, and logged as the outage starts, every interval, and as it ends.
  const dependency = level === "warn" || level === "error" ? dependencyUnavailable(fields?.error) : null;
  if (dependency) return dependencyFailed(dependency, msg, fields);
  write(level, msg, fields);
}

export const log = {
  debug: (msg: string, fields?: Fields) => emit("debug", msg, fields),
  info: (msg: string, fields?: Fields) => emit("info", msg, fields),
  warn: (msg: string, fields?: Fields) => emit("warn", msg, fields),
  error: (msg: string, fields?: Fields) => emit("error", msg, fields),
};

// ---- dependency outages -----------------------------------------------------------------------

export type Dependency = "postgres" | "redis";

/** How often an ongoing outage is summarised (one line with the failures counted since the last). */
export const OUTAGE_SUMMARY_MS = 30_000;

type Outage = { since: number; failures: number; sinceSummary: number; events: Map<string, number>; timer: NodeJS.Timeout };
const OUTAGES = Symbol.for("mnemo.log.outages");
const g = globalThis as unknown as Record<symbol, Map<Dependency, Outage> | undefined>;
const outages = () => (g[OUTAGES] ??= new Map());

/** An error's gist on one line, without its stack: enough to tell which outage this is. */
function brief(error: unknown) {
  if (!(error instanceof Error)) return error === undefined ? undefined : { message: String(error).slice(0, 300) };
  const code = (error as { code?: unknown }).code;
  const message = error.message.split("\n").map((l) => l.trim()).filter(Boolean).join(" ").slice(0, 300);
  return { name: error.name, message, ...(typeof code === "string" ? { code } : {}) };
}

/**
 * Counts one failure against a dependency's outage. The first one logs "<dependency>
 * unavailable" with what failed and why; later ones are summarised every OUTAGE_SUMMARY_MS
 * as a count per event; dependencyRecovered ends it.
 */
export function dependencyFailed(dependency: Dependency, event: string, fields: Fields = {}): void {
  const current = outages().get(dependency);
  if (current) {
    current.failures += 1;
    current.sinceSummary += 1;
    current.events.set(event, (current.events.get(event) ?? 0) + 1);
    return;
  }
  const outage: Outage = {
    since: Date.now(),
    failures: 1,
    sinceSummary: 0,
    events: new Map(),
    timer: setInterval(() => summarise(dependency), OUTAGE_SUMMARY_MS),
  };
  outage.timer.unref();
  outages().set(dependency, outage);
  const { error, ...rest } = fields;
  write("warn", `${dependency} unavailable`, { dependency, event, ...rest, error: brief(error) });
}

function summarise(dependency: Dependency) {
  const outage = outages().get(dependency);
  if (!outage || outage.sinceSummary === 0) return;
  write("warn", `${dependency} still unavailable`, {
    dependency,
    downForMs: Date.now() - outage.since,
    failures: outage.sinceSummary,
    events: Object.fromEntries(outage.events),
  });
  outage.sinceSummary = 0;
  outage.events.clear();
}

/** Ends a dependency's outage, if there is one: one line with how long it lasted. */
export function dependencyRecovered(dependency: Dependency): void {
  const outage = outages().get(dependency);
  if (!outage) return;
  clearInterval(outage.timer);
  outages().delete(dependency);
  write("info", `${dependency} available again`, { dependency, downForMs: Date.now() - outage.since, failures: outage.failures });
}

// Node's socket errors, ioredis's "not connected" errors, pg's and Prisma's connection errors.
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "ECONNABORTED"]);
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TlsConnectionError"]);
// Class 08 (connection exception), 53300 too many connections, 57P01-57P03 (terminating, shutdown, starting up).
const PG_SQLSTATE = /^(08...|53300|57P0[123])$/;
const PG_MESSAGE = /terminating connection|Connection terminated|timeout exceeded when trying to connect|the database system is (starting up|shutting down|in recovery)/i;
const REDIS_MESSAGE = /Connection is closed|Stream isn't writeable|enableOfflineQueue|Command timed out|Reached the max retries per request/;

const portOf = (url: string | undefined) => {
  if (!url) return null;
  const parsed = new URL(url);
  return Number(parsed.port || (parsed.protocol.startsWith("redis") ? 6379 : 5432));
};

/**
 * Which dependency an error says is unreachable (connection refused, reset or timed out, a
 * terminated connection, a pool timeout), or null for any other error. Follows `cause` and
 * Prisma's driver-adapter error. The route wrapper answers these with 503.
 */
export function dependencyUnavailable(error: unknown, depth = 0): Dependency | null {
  if (!error || typeof error !== "object" || depth > 4) return null;
  const e = error as { name?: unknown; code?: unknown; message?: unknown; port?: unknown; kind?: unknown; originalCode?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  const name = typeof e.name === "string" ? e.name : "";
  const message = typeof e.message === "string" ? e.message : "";
  const code = typeof e.code === "string" ? e.code : typeof e.originalCode === "string" ? e.originalCode : "";
  if (name.startsWith("PrismaClient") && (PRISMA_CODES.has(code) || name === "PrismaClientInitializationError")) return "postgres";
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return "postgres";
  if (name === "MaxRetriesPerRequestError" || REDIS_MESSAGE.test(message)) return "redis";
  if (PG_SQLSTATE.test(code) || PG_MESSAGE.test(message)) return "postgres";
  if (SOCKET_CODES.has(code)) {
    if (typeof e.port === "number" && e.port === portOf(config.REDIS_URL)) return "redis";
    if (typeof e.port === "number" && e.port === portOf(config.DATABASE_URL)) return "postgres";
  }
  return dependencyUnavailable(e.meta?.driverAdapterError, depth + 1) ?? (e.cause !== error ? dependencyUnavailable(e.cause, depth + 1) : null);
}
