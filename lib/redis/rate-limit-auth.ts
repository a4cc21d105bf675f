import "server-only";
import type { Redis } from "ioredis";
import { consumeRateLimitWindow } from "@/lib/redis/rate-limit-window";

/**
 * better-auth's rate-limit storage (sign-in, sign-up … per client address and path), kept in
 * Redis so that replicas behind a load balancer share one count: with better-auth's default
 * in-memory store, N replicas would allow N times the limit. Fixed windows, counted atomically;
 * without REDIS_URL an in-process counter (one instance); Redis down admits, like every limit.
 */
export async function consumeAuthRateLimit(
  key: string,
  rule: { window: number; max: number },
  options: { redis?: Redis | null } = {},
): Promise<{ allowed: boolean; retryAfter: number | null }> {
  const { allowed } = await consumeRateLimitWindow({
    key: `auth_rate:${key}`,
    limit: rule.max,
    ttlSeconds: Math.max(1, Math.ceil(rule.window)),
    redis: options.redis,
  });
  // The window's exact remainder would need a second round trip; a full window is the safe bound.
  return allowed ? { allowed, retryAfter: null } : { allowed, retryAfter: rule.window };
}
