import "server-only";
import type { Redis } from "ioredis";
import { z } from "zod";
import { getRedis } from "@/lib/redis/client";
import { firstConnection } from "@/lib/redis/first-connection";
import { log } from "@/lib/log";

/** The outcome of one rate-limit check; remaining is -1 when Redis could not be asked. */
export const RateLimitResultSchema = z.object({ allowed: z.boolean(), remaining: z.number().int() });
export type RateLimitResult = z.infer<typeof RateLimitResultSchema>;

// INCR and the TTL in one script, so concurrent writers each get a distinct count (30 callers
// against a limit of 10 admit exactly 10) and a key can never be left without its expiry.
// The TTL check (rather than count == 1) also repairs a key that lost its expiry.
const INCR_WINDOW_LUA = `
local count = redis.call('INCR', KEYS[1])
local ttl = tonumber(ARGV[1])
if ttl > 0 and redis.call('TTL', KEYS[1]) < 0 then redis.call('EXPIRE', KEYS[1], ttl) end
return count`;

type WithScript = Redis & { mnemoIncrWindow(key: string, ttlSeconds: number): Promise<number> };

function withScript(redis: Redis): WithScript {
  const r = redis as WithScript;
  if (typeof r.mnemoIncrWindow !== "function") {
    redis.defineCommand("mnemoIncrWindow", { numberOfKeys: 1, lua: INCR_WINDOW_LUA });
  }
  return r;
}


// In-process stand-in when REDIS_URL is unset: correct for one instance, which is the only
// deployment that runs without Redis.
const g = globalThis as unknown as Record<symbol, Map<string, { count: number; expiresAt: number }> | undefined>;
const LOCAL = Symbol.for("mnemo.rate-limit.local");

function incrLocal(key: string, ttlSeconds: number): number {
  const windows = (g[LOCAL] ??= new Map());
  const now = Date.now();
  let entry = windows.get(key);
  if (!entry || entry.expiresAt <= now) {
    entry = { count: 0, expiresAt: ttlSeconds > 0 ? now + ttlSeconds * 1000 : Number.POSITIVE_INFINITY };
    windows.set(key, entry);
  }
  entry.count += 1;
  return entry.count;
}

/**
 * Counts one write against `key` and says whether it fits under `limit`. `ttlSeconds` 0 means
 * the window never expires. `redis` overrides the shared client (null forces the in-process
 * counter); a Redis error admits the write with remaining -1 and a warning, as the spec says.
 */
export async function consumeRateLimitWindow(options: {
  key: string;
  limit: number;
  ttlSeconds: number;
  redis?: Redis | null;
}): Promise<RateLimitResult> {
  const { key, limit, ttlSeconds } = options;
  const redis = options.redis === undefined ? getRedis() : options.redis;
  let count: number;
  if (!redis) {
    count = incrLocal(key, ttlSeconds);
  } else {
    try {
      await firstConnection(redis);
      count = Number(await withScript(redis).mnemoIncrWindow(key, ttlSeconds));
    } catch (error) {
      log.warn("rate limit not enforced: redis unavailable", { key, error });
      return { allowed: true, remaining: -1 };
    }
  }
  return { allowed: count <= limit, remaining: Math.max(0, limit - count) };
}
