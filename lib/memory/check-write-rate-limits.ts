import "server-only";
import { config } from "@/lib/config";
import { checkWriteRateLimitConversation } from "@/lib/redis/rate-limit-conversation";
import { checkWriteRateLimitHourly } from "@/lib/redis/rate-limit-hourly";

/**
 * Both write limits of the spec, in its order: per conversation (when the write has one),
 * then per user and hour. Remaining is the tighter of the two; -1 when Redis is down.
 */
export async function checkWriteRateLimits(options: {
  userId: string;
  conversationId?: string | null;
}): Promise<{ allowed: boolean; remaining: number; scope?: "conversation" | "hourly" }> {
  let remaining = Number.POSITIVE_INFINITY;
  if (options.conversationId) {
    const conv = await checkWriteRateLimitConversation({
      conversationId: options.conversationId,
      limit: config.memory.ratePerConversation,
    });
    if (!conv.allowed) return { allowed: false, remaining: 0, scope: "conversation" };
    remaining = conv.remaining;
  }
  const hourly = await checkWriteRateLimitHourly({ userId: options.userId, limit: config.memory.ratePerHour });
  if (!hourly.allowed) return { allowed: false, remaining: 0, scope: "hourly" };
  remaining = hourly.remaining < 0 || remaining < 0 ? -1 : Math.min(remaining, hourly.remaining);
  return { allowed: true, remaining };
}
