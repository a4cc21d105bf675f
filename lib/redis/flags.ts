import "server-only";
import { getRedis } from "@/lib/redis/client";
import { log } from "@/lib/log";
import { firstConnection } from "@/lib/redis/first-connection";

// The "episode already generated" flag (`episode:generated:{conversation_id}`). It is only the
// fast path: the database check in createEpisodeSummary is what guarantees once-per-conversation,
// so a Redis error here degrades to that check instead of failing.

const g = globalThis as unknown as Record<symbol, Set<string> | undefined>;
const LOCAL = Symbol.for("mnemo.flags.local");
const local = () => (g[LOCAL] ??= new Set());
const episodeKey = (conversationId: string) => `episode:generated:${conversationId}`;

export async function hasEpisodeFlag(options: { conversationId: string }): Promise<boolean> {
  const key = episodeKey(options.conversationId);
  const redis = getRedis();
  if (!redis) return local().has(key);
  try {
    await firstConnection(redis);
    return (await redis.exists(key)) === 1;
  } catch (error) {
    log.warn("episode flag unreadable: redis unavailable", { key, error });
    return local().has(key);
  }
}

export async function setEpisodeFlag(options: { conversationId: string }): Promise<void> {
  const key = episodeKey(options.conversationId);
  local().add(key);
  const redis = getRedis();
  if (!redis) return;
  try {
    await firstConnection(redis);
    // 90 days: long after anyone would add messages to the conversation; the DB check remains.
    await redis.set(key, "1", "EX", 90 * 24 * 3600);
  } catch (error) {
    log.warn("episode flag not stored: redis unavailable", { key, error });
  }
}
