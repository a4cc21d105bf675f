// A dependency outage is a handful of log lines, not one (multi-line, coloured) error per
// request: the app's logger counts failures that an unreachable PostgreSQL or Redis causes,
// logs the outage once when it starts, then a summary per interval, then once when it ends;
// better-auth's and Prisma's own output goes through the same logger. Requests that fail
// because the database is down are answered 503 with Retry-After, never 500.
import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestUser, type TestUser } from "@/tests/support/test-users";
import { createMemoryTestUser } from "@/tests/support/memory-fixtures";
import { dependencyUnavailable, OUTAGE_SUMMARY_MS } from "@/lib/log";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CHILD = path.join(ROOT, "tests/integration/outage-logs-child.ts");
let user: TestUser;
let closedPort: number;
const holder = net.createServer();

beforeAll(async () => {
  user = await createTestUser({ prefix: "outage" });
  // A port nothing listens on: bind one, then close it.
  await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
  closedPort = (holder.address() as net.AddressInfo).port;
  await new Promise((resolve) => holder.close(resolve));
});
afterAll(() => holder.close());

type Result = { status: number; retryAfter: string | null; code: string | null };

function runChild(args: string[], env: Record<string, string>): Promise<{ lines: string[]; results: Result[]; ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", CHILD, ...args], {
    cwd: ROOT,
    // LOG_LEVEL info: every line the app would print in production is counted. No NO_COLOR:
    // nothing may depend on it to stay single-line JSON.
    env: { ...process.env, LOG_LEVEL: "info", NO_COLOR: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => {
      const lines = output.split("\n").filter((l) => l.trim() !== "");
      const resultLine = lines.find((l) => l.startsWith("RESULT "));
      if (code !== 0 || !resultLine) return reject(new Error(`child exited ${code}:\n${output}`));
      resolve({ lines: lines.filter((l) => l !== resultLine), results: JSON.parse(resultLine.slice(7)) as Result[], ms: Date.now() - started });
    });
  });
}

describe("with PostgreSQL unreachable", () => {
  it("chat, reads and sign-in answer 503 with Retry-After, and the log is a few JSON lines, not one per request", async () => {
    const { lines, results, ms } = await runChild(["postgres-down", user.cookie, "20"], {
      DATABASE_URL: `postgresql://postgres@127.0.0.1:${closedPort}/mnemo_test`,
    });
    expect(results).toHaveLength(60);
    for (const result of results) expect(result).toEqual({ status: 503, retryAfter: "5", code: "unavailable" });
    // Every line is one JSON object: no ANSI colours, no multi-line stacks, no "# SERVER_ERROR".
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
    const messages = lines.map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(messages.filter((m) => m === "postgres unavailable")).toHaveLength(1);
    // 60 failed requests: the outage's first line, plus at most a summary per interval elapsed.
    expect(lines.length, lines.join("\n")).toBeLessThanOrEqual(2 + Math.ceil(ms / OUTAGE_SUMMARY_MS));
  }, 60_000);
});

describe("with Redis unreachable", () => {
  it("writes still succeed, and 30 of them log a couple of lines instead of four warnings with stacks each", async () => {
    const owner = await createMemoryTestUser();
    const { lines, results, ms } = await runChild(["redis-down", owner.id, "30"], { REDIS_URL: `redis://127.0.0.1:${closedPort}/0` });
    expect(results.map((r) => r.code)).toEqual(Array(30).fill("created"));
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
    const messages = lines.map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(messages.filter((m) => m === "redis unavailable")).toHaveLength(1);
    expect(lines.length, lines.join("\n")).toBeLessThanOrEqual(2 + Math.ceil(ms / OUTAGE_SUMMARY_MS));
  }, 60_000);
});

describe("the logger's outage bookkeeping", () => {
  it("tells connection failures from other errors", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:6379"), { code: "ECONNREFUSED", port: 6379 });
    expect(dependencyUnavailable(Object.assign(new Error("Can't reach database server"), { name: "PrismaClientKnownRequestError", code: "P1001" }))).toBe("postgres");
    expect(dependencyUnavailable(Object.assign(new Error("Timed out fetching a new connection from the connection pool"), { name: "PrismaClientKnownRequestError", code: "P2024" }))).toBe("postgres");
    expect(dependencyUnavailable({ name: "PrismaClientKnownRequestError", code: "P2010", message: "x", meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "postgres", originalCode: "57P01" } } } })).toBe("postgres");
    expect(dependencyUnavailable({ name: "DriverAdapterError", message: "DatabaseNotReachable", cause: { kind: "DatabaseNotReachable" } })).toBe("postgres");
    expect(dependencyUnavailable(new Error("terminating connection due to administrator command"))).toBe("postgres");
    expect(dependencyUnavailable(new Error("Connection is closed."))).toBe("redis");
    expect(dependencyUnavailable(Object.assign(new Error("Reached the max retries per request limit (which is 1)."), { name: "MaxRetriesPerRequestError" }))).toBe("redis");
    expect(dependencyUnavailable(refused)).toBe("redis");
    expect(dependencyUnavailable(new TypeError("fetch failed", { cause: refused }))).toBe("redis");
    // Not outages: a unique violation, a bad value, a bug.
    expect(dependencyUnavailable(Object.assign(new Error("Unique constraint failed"), { name: "PrismaClientKnownRequestError", code: "P2002" }))).toBeNull();
    expect(dependencyUnavailable({ name: "PrismaClientKnownRequestError", code: "P2010", message: "x", meta: { driverAdapterError: { cause: { kind: "ValueOutOfRange" } } } })).toBeNull();
    expect(dependencyUnavailable(new TypeError("undefined is not a function"))).toBeNull();
  });

  it("logs an outage when it starts, a count per interval, and when it ends; nothing per failure", async () => {
    vi.stubEnv("LOG_LEVEL", "info");
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
    vi.resetModules();
    const lines: string[] = [];
    const spies = [process.stderr, process.stdout].map((stream) =>
      vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array) => (lines.push(String(chunk)), true)),
    );
    try {
      const fresh = await import("@/lib/log");
      for (let i = 0; i < 50; i++) fresh.log.warn("rate limit not enforced: redis unavailable", { key: `k${i}`, error: new Error("Connection is closed.") });
      vi.advanceTimersByTime(fresh.OUTAGE_SUMMARY_MS);
      vi.advanceTimersByTime(fresh.OUTAGE_SUMMARY_MS); // nothing new: no line
      fresh.log.warn("an ordinary warning", { error: new Error("not an outage") });
      fresh.dependencyRecovered("redis");
      fresh.dependencyRecovered("redis");
    } finally {
      for (const spy of spies) spy.mockRestore();
      vi.useRealTimers();
      vi.unstubAllEnvs();
      vi.resetModules();
    }
    const parsed = lines.map((l) => JSON.parse(l) as { msg: string; failures?: number; event?: string });
    expect(parsed.map((l) => l.msg)).toEqual(["redis unavailable", "redis still unavailable", "an ordinary warning", "redis available again"]);
    expect(parsed[0]).toMatchObject({ event: "rate limit not enforced: redis unavailable", error: { message: "Connection is closed." } });
    expect(parsed[1]).toMatchObject({ failures: 49, events: { "rate limit not enforced: redis unavailable": 49 } });
    expect(parsed[3]).toMatchObject({ failures: 50, downForMs: 2 * 30_000 });
  });
});
