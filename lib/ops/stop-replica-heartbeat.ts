import "server-only";
import type { Redis } from "ioredis";
import { heartbeatState, REPLICA_KEY_PREFIX } from "@/lib/ops/replica-registry";
import { thisReplica } from "@/lib/ops/this-replica";
import { getRedis } from "@/lib/redis/client";

/** On shutdown: stop announcing and remove this replica from the list at once (bounded at 1 s). */
export async function stopReplicaHeartbeat(options: { redis?: Redis | null } = {}): Promise<void> {
  const state = heartbeatState();
  if (state.timer) clearInterval(state.timer);
  state.timer = null;
  const redis = options.redis === undefined ? getRedis() : options.redis;
  if (!redis) return;
  await Promise.race([redis.del(`${REPLICA_KEY_PREFIX}${thisReplica().id}`).catch(() => 0), new Promise((r) => setTimeout(r, 1000))]);
}
