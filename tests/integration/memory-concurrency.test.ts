import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createMemory } from "@/lib/memory/create-memory";
import { getRedis } from "@/lib/redis/client";
import { checkWriteRateLimitConversation } from "@/lib/redis/rate-limit-conversation";
import {
  createMemoryTestConversation,
  createMemoryTestUser,
  listAllEvents,
  listAllMemories,
  memoryRequest,
  newCorrelationId,
} from "@/tests/support/memory-fixtures";

afterAll(() => getRedis()?.disconnect());

// Distinct vocabulary per write so none is a duplicate of another.
const TOPICS = [
  "alpaca", "bassoon", "cinnamon", "dolphin", "espresso", "falconry", "glacier", "harmonica", "igloo", "jasmine",
  "kayak", "lantern", "mosaic", "nectarine", "origami", "pelican", "quartz", "rhubarb", "saffron", "tundra",
  "ukulele", "volcano", "walrus", "xylophone", "yodel", "zeppelin", "anchovy", "bonsai", "cactus", "dulcimer",
];

describe("rate limits under concurrency (real Redis)", () => {
  it("30 concurrent checks against a limit of 10 admit exactly 10", async () => {
    const conversationId = randomUUID();
    const results = await Promise.all(Array.from({ length: 30 }, () => checkWriteRateLimitConversation({ conversationId, limit: 10 })));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    expect(results.filter((r) => r.allowed).map((r) => r.remaining).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("30 concurrent createMemory calls in one conversation store exactly 10 memories, each with its audit row", async () => {
    const user = await createMemoryTestUser();
    const conversation = await createMemoryTestConversation({ userId: user.id });
    const results = await Promise.all(
      TOPICS.map((topic) =>
        createMemory({
          request: memoryRequest(user.id, `I collect ${topic} postcards`, { sourceConversationId: conversation.id }),
          correlationId: newCorrelationId(),
        }),
      ),
    );
    expect(results.filter((r) => r.action === "created")).toHaveLength(10);
    expect(results.filter((r) => r.action === "rate_limited")).toHaveLength(20);
    expect(await listAllMemories(user.id)).toHaveLength(10);
    expect(await listAllEvents(user.id)).toHaveLength(10);
  });

  it("concurrent identical writes store the memory once (dedup under the user's write lock)", async () => {
    const user = await createMemoryTestUser();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => createMemory({ request: memoryRequest(user.id, "My sister is called Ada"), correlationId: newCorrelationId() })),
    );
    expect(results.filter((r) => r.action === "created")).toHaveLength(1);
    expect(results.filter((r) => r.action === "duplicate_skipped")).toHaveLength(7);
    expect(await listAllMemories(user.id)).toHaveLength(1);
  });
});
