// /admin/system's data: the replica registry in the real Redis, the outbox and migration
// read-outs on the real PostgreSQL, and the admin-only API.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { GET as systemRoute } from "@/app/api/admin/system/route";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { insertMemoryWriteJob } from "@/lib/db/memory-write-jobs-sql";
import { selectMemoryWriteQueueStats } from "@/lib/db/memory-write-jobs-sql";
import { selectMigrationStatus } from "@/lib/db/prisma-migrations-sql";
import { listReplicas } from "@/lib/ops/list-replicas";
import { REPLICA_KEY_PREFIX } from "@/lib/ops/replica-registry";
import { SystemStatusSchema } from "@/lib/ops/schemas";
import { startReplicaHeartbeat } from "@/lib/ops/start-replica-heartbeat";
import { stopReplicaHeartbeat } from "@/lib/ops/stop-replica-heartbeat";
import { thisReplica } from "@/lib/ops/this-replica";
import { createMemoryTestUser } from "@/tests/support/memory-fixtures";
import { createTestUser, request } from "@/tests/support/test-users";

// A Redis database of its own: the registry is global, and other test files run in parallel.
const registryUrl = new URL(config.REDIS_URL!);
registryUrl.pathname = "/6";
const redis = new Redis(registryUrl.toString());
afterAll(async () => {
  await redis.flushdb();
  redis.disconnect();
});

function announce(id: string, startedAt: string, ttlSeconds = 30) {
  const replica = { id, hostname: id.split(":")[0], pid: 1, version: "0.1.0", startedAt, lastSeenAt: new Date().toISOString() };
  return redis.set(`${REPLICA_KEY_PREFIX}${id}`, JSON.stringify(replica), "EX", ttlSeconds);
}

describe("replica registry", () => {
  it("lists this replica first, then the other live ones oldest first; a stopped or silent one drops out", async () => {
    await redis.flushdb();
    startReplicaHeartbeat({ redis });
    await announce("container-b:7", "2026-11-24T01:00:00.000Z");
    await announce("container-a:7", "2026-11-24T00:00:00.000Z");
    await announce("container-gone:7", "2026-11-24T00:30:00.000Z", 1);
    await new Promise((r) => setTimeout(r, 1_200));

    const listed = await listReplicas({ redis });
    expect(listed.source).toBe("redis");
    expect(listed.items.map((r) => r.id)).toEqual([thisReplica().id, "container-a:7", "container-b:7"]);
    expect(await redis.ttl(`${REPLICA_KEY_PREFIX}${thisReplica().id}`)).toBeGreaterThan(20);

    await stopReplicaHeartbeat({ redis });
    expect(await redis.exists(`${REPLICA_KEY_PREFIX}${thisReplica().id}`)).toBe(0);
  });

  it("without Redis, or with Redis down, knows only the replica answering", async () => {
    expect(await listReplicas({ redis: null })).toMatchObject({ source: "this-process", items: [{ id: thisReplica().id }] });
    const dead = new Redis({ port: 1, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null, lazyConnect: true });
    dead.on("error", () => {});
    expect(await listReplicas({ redis: dead })).toMatchObject({ source: "this-process", items: [{ id: thisReplica().id }] });
    dead.disconnect();
  });
});

describe("operational read-outs", () => {
  it("counts the outbox by state (deltas inside one snapshot, so parallel tests cannot interfere)", async () => {
    const user = await createMemoryTestUser();
    const rollback = new Error("rollback");
    await getDb()
      .$transaction(
        async (tx) => {
          const before = await selectMemoryWriteQueueStats(tx);
          const ids: string[] = [];
          for (const status of ["queued", "queued", "running", "done", "failed"]) {
            const id = randomUUID();
            ids.push(id);
            await insertMemoryWriteJob(tx, { id, userId: user.id, conversationId: null, kind: "create", payload: {}, correlationId: randomUUID() });
            await tx.$executeRaw`UPDATE memory_write_jobs SET status = ${status} WHERE id = ${id}::uuid`;
          }
          const after = await selectMemoryWriteQueueStats(tx);
          expect(after.queued - before.queued).toBe(2);
          expect(after.running - before.running).toBe(1);
          expect(after.doneLast24h - before.doneLast24h).toBe(1);
          expect(after.failedLast24h - before.failedLast24h).toBe(1);
          expect(after.oldestPendingAt).not.toBeNull();
          throw rollback;
        },
        { isolationLevel: "RepeatableRead" },
      )
      .catch((e: unknown) => {
        if (e !== rollback) throw e;
      });
  });

  it("reports the applied migrations, the latest being the newest in prisma/migrations", async () => {
    const dirs = fs
      .readdirSync(path.join(import.meta.dirname, "../../prisma/migrations"), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const status = await selectMigrationStatus(getDb());
    expect(status).toMatchObject({ applied: dirs.length, failed: 0, latest: dirs.at(-1) });
    expect(status.latestAt).not.toBeNull();
  });
});

describe("GET /api/admin/system", () => {
  it("answers admins with the whole status, refuses everyone else", async () => {
    const [admin, user] = await Promise.all([createTestUser({ role: "admin", prefix: "ops" }), createTestUser({ prefix: "ops" })]);
    expect((await systemRoute(request("/api/admin/system"))).status).toBe(401);
    expect((await systemRoute(request("/api/admin/system", { user }))).status).toBe(403);
    const response = await systemRoute(request("/api/admin/system", { user: admin }));
    expect(response.status).toBe(200);
    const status = SystemStatusSchema.parse(await response.json());
    expect(status.health).toMatchObject({ db: "ok", redis: "ok" });
    expect(status.thisReplica.id).toBe(thisReplica().id);
    expect(status.replicas.items[0]!.id).toBe(thisReplica().id);
    expect(status.queue).not.toBeNull();
    expect(status.migrations?.failed).toBe(0);
  });
});
