import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { maybeEnqueueEpisode } from "@/lib/jobs/maybe-enqueue-episode";
import { getDb } from "@/lib/db/client";
import { addConversationMessages, createMemoryTestConversation, createMemoryTestUser } from "@/tests/support/memory-fixtures";

async function conversationWith(messages: number) {
  const user = await createMemoryTestUser();
  const conversation = await createMemoryTestConversation({ userId: user.id });
  await addConversationMessages({ userId: user.id, conversationId: conversation.id, texts: Array.from({ length: messages }, (_, i) => `message ${i}`) });
  return { userId: user.id, conversationId: conversation.id, correlationId: randomUUID() };
}

const episodeJobs = (conversationId: string) => getDb().memoryWriteJob.findMany({ where: { conversationId, kind: "episode" } });

describe("episode trigger after a turn", () => {
  it("does nothing below the thresholds", async () => {
    const ctx = await conversationWith(10); // 5 user + 5 assistant
    expect(await maybeEnqueueEpisode(ctx)).toBe(false);
    expect(await episodeJobs(ctx.conversationId)).toHaveLength(0);
  });

  it("queues one summary once the conversation is long enough, and not again", async () => {
    const ctx = await conversationWith(16); // 8 user messages
    expect(await maybeEnqueueEpisode(ctx)).toBe(true);
    expect(await maybeEnqueueEpisode(ctx)).toBe(false);
    expect(await episodeJobs(ctx.conversationId)).toHaveLength(1);
  });

  it("tries again after a summary job failed for good", async () => {
    const ctx = await conversationWith(16);
    await maybeEnqueueEpisode(ctx);
    await getDb().memoryWriteJob.updateMany({ where: { conversationId: ctx.conversationId }, data: { status: "failed" } });
    expect(await maybeEnqueueEpisode(ctx)).toBe(true);
    // The new job may already be picked up by another test file's worker; what matters is that it exists.
    const jobs = await episodeJobs(ctx.conversationId);
    expect(jobs).toHaveLength(2);
    expect(jobs.filter((j) => j.status === "failed")).toHaveLength(1);
  });
});
