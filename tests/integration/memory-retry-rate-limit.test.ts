import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { drainMemoryWrites } from "@/lib/jobs/drain-memory-writes";
import { enqueueMemoryWrite } from "@/lib/jobs/enqueue-memory-write";
import { checkWriteRateLimitConversation } from "@/lib/redis/rate-limit-conversation";
import { createTestUser } from "@/tests/support/test-users";

// An acknowledged write that failed once and is retried must not be refused by the rate limit
// its own first attempt already counted against.

async function setup() {
  const user = await createTestUser({ prefix: "retry" });
  const conversationId = randomUUID();
  await getDb().conversation.create({ data: { id: conversationId, userId: user.id } });
  const job = await enqueueMemoryWrite({
    userId: user.id,
    conversationId,
    kind: "create",
    payload: { request: { userId: user.id, content: "User plays the oboe", memoryType: "fact", sourceConversationId: conversationId } },
    correlationId: randomUUID(),
  });
  // The conversation's limit is used up (by this job's first attempt and nine others).
  for (let i = 0; i < config.memory.ratePerConversation; i++) {
    await checkWriteRateLimitConversation({ conversationId, limit: config.memory.ratePerConversation });
  }
  return { user, jobId: job.jobId };
}

const resultOf = async (jobId: string) =>
  (await getDb().memoryWriteJob.findUniqueOrThrow({ where: { id: jobId } })).result as { action: string };

describe("rate limits and retried writes", () => {
  it("a retried job is performed even though its conversation's limit is now used up", async () => {
    const { user, jobId } = await setup();
    // As left by a first attempt that counted its slot, then failed on a database error.
    await getDb().memoryWriteJob.update({ where: { id: jobId }, data: { attempts: 1, lastError: "connection reset" } });
    await drainMemoryWrites({ userId: user.id, timeoutMs: 10_000 });
    expect(await resultOf(jobId)).toMatchObject({ action: "created" });
    expect(await getDb().memoryItem.count({ where: { userId: user.id, status: "active" } })).toBe(1);
  });

  it("a first attempt over the limit is still refused", async () => {
    const { user, jobId } = await setup();
    await drainMemoryWrites({ userId: user.id, timeoutMs: 10_000 });
    expect(await resultOf(jobId)).toMatchObject({ action: "rate_limited" });
    expect(await getDb().memoryItem.count({ where: { userId: user.id } })).toBe(0);
  });
});
