import "server-only";
import type { Redis } from "ioredis";
import { log } from "@/lib/log";
import { REPLICA_KEY_PREFIX } from "@/lib/ops/replica-registry";
import { ReplicaSchema, type Replica, type ReplicaList } from "@/lib/ops/schemas";
import { thisReplica } from "@/lib/ops/this-replica";
import { getRedis } from "@/lib/redis/client";
import { firstConnection } from "@/lib/redis/first-connection";

/** The live replicas (heartbeat younger than 30 s), this one first, then oldest first. */
export async function listReplicas(options: { redis?: Redis | null } = {}): Promise<ReplicaList> {
  const self: Replica = { ...thisReplica(), lastSeenAt: new Date().toISOString() };
  const redis = options.redis === undefined ? getRedis() : options.redis;
  if (!redis) return { items: [self], source: "this-process" };
  try {
    await firstConnection(redis);
    const keys: string[] = [];
    let cursor = "0";
    do {
      const [next, batch] = await redis.scan(cursor, "MATCH", `${REPLICA_KEY_PREFIX}*`, "COUNT", 200);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== "0" && keys.length < 1000);
    const values = keys.length ? await redis.mget(...keys) : [];
    const others = values
      .map((value) => {
        const parsed = value ? ReplicaSchema.safeParse(JSON.parse(value)) : null;
        return parsed?.success ? parsed.data : null;
      })
      .filter((r): r is Replica => r !== null && r.id !== self.id)
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt));
    return { items: [self, ...others], source: "redis" };
  } catch (error) {
    log.warn("replicas not listed: redis unavailable", { error });
    return { items: [self], source: "this-process" };
  }
}
