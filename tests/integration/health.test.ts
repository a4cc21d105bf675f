// GET /api/health against the real PostgreSQL and Redis, and against dependencies that are
// really down: a closed port (connection refused) and a port that accepts but never answers.
import net from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { checkHealth } from "@/lib/health/check-health";
import { HealthSchema } from "@/lib/health/schemas";
import { PrismaClient } from "@/lib/generated/prisma/client";

// Servers first: a pool still connecting to a silent port only ends once that socket closes.
const serverCleanups: (() => Promise<unknown>)[] = [];
const cleanups: (() => Promise<unknown> | void)[] = [];
afterAll(async () => {
  for (const cleanup of [...serverCleanups, ...cleanups]) await cleanup();
});

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A port that accepts connections and then says nothing: a hung dependency. */
async function silentPort(): Promise<number> {
  const sockets: net.Socket[] = [];
  const server = net.createServer((socket) => void sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  serverCleanups.push(() => {
    for (const socket of sockets) socket.destroy();
    return new Promise((resolve) => server.close(resolve));
  });
  return (server.address() as net.AddressInfo).port;
}

function deadDb(port: number) {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: `postgresql://postgres@127.0.0.1:${port}/mnemo` }) });
  cleanups.push(() => db.$disconnect().catch(() => {}));
  return db;
}

function deadRedis(port: number) {
  const redis = new Redis({ port, host: "127.0.0.1", maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 500, retryStrategy: () => 500 });
  redis.on("error", () => {});
  cleanups.push(() => redis.disconnect());
  return redis;
}

describe("GET /api/health", () => {
  it("answers 200 with every dependency up, without a session and without secrets", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    expect(HealthSchema.parse(JSON.parse(text))).toEqual({
      db: "ok",
      redis: "ok",
      model: "local/mnemo-local-memory-agent",
      // The shared test database holds rows of other spaces (tests that store unknown ones):
      // they are counted, and health stays 200.
      embeddings: expect.stringMatching(/^local\/mnemo-blend-v1@384( \(\d+ memor(y needs|ies need) re-embedding: npm run memories:reembed\))?$/),
    });
    expect(text).not.toMatch(/postgres(ql)?:|redis:|secret|password|127\.0\.0\.1/i);
  });

  it("reports Redis down (still healthy) when Redis refuses connections", async () => {
    const health = await checkHealth({ redis: deadRedis(await closedPort()), timeoutMs: 1500 });
    expect(health).toMatchObject({ db: "ok", redis: "down" });
  });

  it("reports Redis absent when the app runs without one", async () => {
    expect(await checkHealth({ redis: null })).toMatchObject({ db: "ok", redis: "absent" });
  });

  it("reports the database down when it refuses connections", async () => {
    const health = await checkHealth({ db: deadDb(await closedPort()), timeoutMs: 1500 });
    expect(health).toMatchObject({ db: "down", redis: "ok" });
  });

  it("answers within its bound when the database or Redis hangs instead of refusing", async () => {
    const port = await silentPort();
    const startedAt = performance.now();
    const health = await checkHealth({ db: deadDb(port), redis: deadRedis(port), timeoutMs: 400 });
    const elapsed = performance.now() - startedAt;
    expect(health).toMatchObject({ db: "down", redis: "down" });
    expect(elapsed).toBeGreaterThanOrEqual(350);
    expect(elapsed).toBeLessThan(3_000);
  });
});
