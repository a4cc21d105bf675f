import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it, vi } from "vitest";
import { log } from "@/lib/log";
import { getRedis } from "@/lib/redis/client";
import { checkWriteRateLimitConversation } from "@/lib/redis/rate-limit-conversation";
import { checkWriteRateLimitHourly } from "@/lib/redis/rate-limit-hourly";

// Against the real Redis of vitest.config.ts (database 1); keys are unique per test.

describe("write rate limits", () => {
  afterAll(() => getRedis()?.disconnect());

  it("per conversation: allows up to the limit with a falling remaining count", async () => {
    const conversationId = randomUUID();
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await checkWriteRateLimitConversation({ conversationId, limit: 3 }));
    expect(results).toEqual([
      { allowed: true, remaining: 2 },
      { allowed: true, remaining: 1 },
      { allowed: true, remaining: 0 },
    ]);
    expect(await getRedis()!.ttl(`memory_write:conv:${conversationId}`)).toBe(-1); // no TTL
  });

  it("per conversation: blocks past the limit", async () => {
    const conversationId = randomUUID();
    for (let i = 0; i < 2; i++) await checkWriteRateLimitConversation({ conversationId, limit: 2 });
    expect(await checkWriteRateLimitConversation({ conversationId, limit: 2 })).toEqual({ allowed: false, remaining: 0 });
  });

  it("hourly: allows up to the limit on a key with a 3600 s TTL", async () => {
    const userId = randomUUID();
    expect(await checkWriteRateLimitHourly({ userId, limit: 2 })).toEqual({ allowed: true, remaining: 1 });
    expect(await checkWriteRateLimitHourly({ userId, limit: 2 })).toEqual({ allowed: true, remaining: 0 });
    const ttl = await getRedis()!.ttl(`memory_write:hourly:${userId}`);
    expect(ttl).toBeGreaterThan(3590);
    expect(ttl).toBeLessThanOrEqual(3600);
  });

  it("hourly: blocks past the limit", async () => {
    const userId = randomUUID();
    for (let i = 0; i < 25; i++) await checkWriteRateLimitHourly({ userId, limit: 25 });
    expect(await checkWriteRateLimitHourly({ userId, limit: 25 })).toEqual({ allowed: false, remaining: 0 });
  });

  it("Redis unavailable: degrades to allowed with remaining -1 and a logged warning", async () => {
    const warn = vi.spyOn(log, "warn");
    // A client to a port nothing listens on, failing fast like the shared client does.
    const down = new Redis("redis://127.0.0.1:1", { enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    down.on("error", () => undefined);
    try {
      expect(await checkWriteRateLimitConversation({ conversationId: randomUUID(), limit: 1, redis: down })).toEqual({
        allowed: true,
        remaining: -1,
      });
      expect(await checkWriteRateLimitHourly({ userId: randomUUID(), limit: 1, redis: down })).toEqual({ allowed: true, remaining: -1 });
    } finally {
      down.disconnect();
    }
    expect(warn).toHaveBeenCalledWith("rate limit not enforced: redis unavailable", expect.objectContaining({ key: expect.stringMatching(/^memory_write:conv:/) }));
    expect(warn).toHaveBeenCalledWith("rate limit not enforced: redis unavailable", expect.objectContaining({ key: expect.stringMatching(/^memory_write:hourly:/) }));
    warn.mockRestore();
  });

  it("without Redis: counts in process", async () => {
    const conversationId = randomUUID();
    expect(await checkWriteRateLimitConversation({ conversationId, limit: 1, redis: null })).toEqual({ allowed: true, remaining: 0 });
    expect(await checkWriteRateLimitConversation({ conversationId, limit: 1, redis: null })).toEqual({ allowed: false, remaining: 0 });
  });
});
