import "server-only";
import type { Redis } from "ioredis";
import { log } from "@/lib/log";
import { HEARTBEAT_INTERVAL_MS, heartbeatState, REPLICA_KEY_PREFIX, REPLICA_TTL_SECONDS } from "@/lib/ops/replica-registry";
import { thisReplica } from "@/lib/ops/this-replica";
import { getRedis } from "@/lib/redis/client";
import { firstConnection } from "@/lib/redis/first-connection";

/**
 * Announces this replica in Redis every 10 s with a 30 s expiry, so /admin/system can list the
 * live ones; a replica that dies simply ages out. Without Redis there is nothing to share and
 * nothing to do. Idempotent.
 */
export function startReplicaHeartbeat(options: { redis?: Redis | null } = {}): void {
  const redis = options.redis === undefined ? getRedis() : options.redis;
  const state = heartbeatState();
  if (!redis || state.timer) return;
  const beat = async () => {
    const replica = { ...thisReplica(), lastSeenAt: new Date().toISOString() };
    try {
      // Not on a request path: at start-up, while Next is still loading, give Redis time.
      await firstConnection(redis, 5_000);
      await redis.set(`${REPLICA_KEY_PREFIX}${replica.id}`, JSON.stringify(replica), "EX", REPLICA_TTL_SECONDS);
      state.warned = false;
    } catch (error) {
      if (!state.warned) log.warn("replica heartbeat not sent: redis unavailable", { error });
      state.warned = true;
    }
  };
  void beat();
  state.timer = setInterval(() => void beat(), HEARTBEAT_INTERVAL_MS);
  state.timer.unref();
}
