import "server-only";
import type { Redis } from "ioredis";
import { z } from "zod";
import { config } from "@/lib/config";
import { consumeRateLimitWindow, type RateLimitResult } from "@/lib/redis/rate-limit-window";

const OptionsSchema = z.object({ userId: z.string().min(1), limit: z.number().int().positive().optional() });

/**
 * Counts one memory write of a user in a fixed hour window (`memory_write:hourly:{user_id}`,
 * 3600 s TTL from the first write). Default limit MEMORY_WRITE_RATE_PER_HOUR.
 */
export async function checkWriteRateLimitHourly(options: {
  userId: string;
  limit?: number;
  /** Test seam: another client, or null for the in-process counter. */
  redis?: Redis | null;
}): Promise<RateLimitResult> {
  const { userId, limit = config.memory.ratePerHour } = OptionsSchema.parse(options);
  return consumeRateLimitWindow({ key: `memory_write:hourly:${userId}`, limit, ttlSeconds: 3600, redis: options.redis });
}
