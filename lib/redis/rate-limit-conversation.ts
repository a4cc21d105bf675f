import "server-only";
import type { Redis } from "ioredis";
import { z } from "zod";
import { config } from "@/lib/config";
import { consumeRateLimitWindow, type RateLimitResult } from "@/lib/redis/rate-limit-window";

const OptionsSchema = z.object({ conversationId: z.string().min(1), limit: z.number().int().positive().optional() });

/**
 * Counts one memory write in a conversation (`memory_write:conv:{conversation_id}`, no TTL:
 * the cap is for the conversation's whole life). Default limit MEMORY_WRITE_RATE_PER_CONVERSATION.
 */
export async function checkWriteRateLimitConversation(options: {
  conversationId: string;
  limit?: number;
  /** Test seam: another client, or null for the in-process counter. */
  redis?: Redis | null;
}): Promise<RateLimitResult> {
  const { conversationId, limit = config.memory.ratePerConversation } = OptionsSchema.parse(options);
  return consumeRateLimitWindow({ key: `memory_write:conv:${conversationId}`, limit, ttlSeconds: 0, redis: options.redis });
}
