import "server-only";
import { Redis } from "ioredis";
import { config } from "@/lib/config";
import { dependencyFailed, dependencyRecovered } from "@/lib/log";

/**
 * The shared ioredis connections, or null when REDIS_URL is unset (callers then use their
 * in-process stand-ins). Commands fail fast while Redis is down (no offline queue, one
 * retry) so a request degrades instead of hanging; ioredis keeps reconnecting in the background.
 */
function connect(role: "command" | "subscriber"): Redis {
  const client = new Redis(config.REDIS_URL!, {
    connectionName: `mnemo-${role}`,
    maxRetriesPerRequest: role === "command" ? 1 : null,
    enableOfflineQueue: role === "subscriber",
    connectTimeout: 2000,
    commandTimeout: role === "command" ? 1000 : undefined,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  // Every failed reconnect emits an error: the logger counts them as one outage (logged when it
  // starts, summarised, and when it ends), which the next ready connection ends.
  client.on("error", (error: Error) => dependencyFailed("redis", "redis connection error", { role, error }));
  client.on("ready", () => dependencyRecovered("redis"));
  return client;
}

const g = globalThis as unknown as Record<symbol, Redis | undefined>;

export function getRedis(): Redis | null {
  if (!config.REDIS_URL) return null;
  const key = Symbol.for("mnemo.redis.command");
  g[key] ??= connect("command");
  return g[key];
}

/** A dedicated connection for SUBSCRIBE (a subscribed connection cannot run other commands). */
export function getRedisSubscriber(): Redis | null {
  if (!config.REDIS_URL) return null;
  const key = Symbol.for("mnemo.redis.subscriber");
  g[key] ??= connect("subscriber");
  return g[key];
}
