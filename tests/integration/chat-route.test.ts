import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { drainMemoryWrites } from "@/lib/jobs/drain-memory-writes";
import { startMemoryWriteWorker } from "@/lib/jobs/start-memory-write-worker";
import { stopMemoryWriteWorker } from "@/lib/jobs/stop-memory-write-worker";
import { sendChat } from "@/tests/support/chat-client";
import { createTestUser, type TestUser } from "@/tests/support/test-users";

// Through the real /api/chat handler, the offline model, the real Postgres + Redis.

const drain = (user: TestUser) => drainMemoryWrites({ userId: user.id, timeoutMs: 15_000 });
const items = (user: TestUser) => getDb().memoryItem.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });

async function fresh() {
  return { user: await createTestUser({ prefix: "chat" }), conversationId: randomUUID() };
}

describe("chat route with the offline model", () => {
  it("rejects unauthenticated, malformed and oversized requests", async () => {
    const { POST } = await import("@/app/api/chat/route");
    const { request } = await import("@/tests/support/test-users");
    expect((await POST(request("/api/chat", { body: {} }))).status).toBe(401);
    const { user } = await fresh();
    const bad = await POST(request("/api/chat", { user, body: { id: "nope", message: { id: "1", role: "user", parts: [] } } }));
    expect(bad.status).toBe(400);
    const asOther = await POST(request("/api/chat", { user, body: { id: randomUUID(), message: { id: "1", role: "assistant", parts: [{ type: "text", text: "hi" }] } } }));
    expect(asOther.status).toBe(400);
    expect(await getDb().conversation.count({ where: { userId: user.id } })).toBe(0);
  });

  it("'I'm a vegetarian' creates a memory and its audit row", async () => {
    const { user, conversationId } = await fresh();
    const turn = await sendChat(user, conversationId, "I'm a vegetarian");
    expect(turn.tools).toEqual([expect.objectContaining({ name: "save_memory", output: expect.objectContaining({ action: "queued" }) })]);
    expect(turn.text).toMatch(/vegetarian/i);
    await drain(user);
    const [memory] = await items(user);
    expect(memory).toMatchObject({ content: "User is a vegetarian", type: "fact", status: "active", sourceConversationId: conversationId });
    expect(memory!.sourceMessageId).not.toBeNull();
    const events = await getDb().memoryWriteEvent.findMany({ where: { memoryItemId: memory!.id } });
    expect(events).toEqual([expect.objectContaining({ operation: "create", userId: user.id, afterContent: "User is a vegetarian" })]);
    // The user and assistant messages are persisted, with the tool part.
    const messages = await getDb().message.findMany({ where: { conversationId }, orderBy: { createdAt: "asc" } });
    expect(messages.map((m) => m.role)).toEqual(["user", "assistant"]);
    expect(JSON.stringify(messages[1]!.parts)).toContain("tool-save_memory");
  });

  it("'forget that I'm a vegetarian' soft-deletes it only after confirmation", async () => {
    const { user, conversationId } = await fresh();
    await sendChat(user, conversationId, "I'm a vegetarian. I live in Berlin.");
    await drain(user);
    const search = await sendChat(user, conversationId, "Forget that I'm a vegetarian");
    const candidates = search.tools.find((t) => t.name === "delete_memory")?.output.candidates as { content: string }[];
    expect(candidates.map((c) => c.content)).toEqual(["User is a vegetarian"]);
    await drain(user);
    expect((await items(user)).every((m) => m.status === "active")).toBe(true);
    const confirm = await sendChat(user, conversationId, "yes");
    expect(confirm.tools.find((t) => t.name === "delete_memory")?.output).toMatchObject({ action: "delete_queued", count: 1 });
    await drain(user);
    const rows = await items(user);
    expect(rows.find((m) => m.content === "User is a vegetarian")).toMatchObject({ status: "deleted" });
    expect(rows.find((m) => m.content.includes("Berlin"))).toMatchObject({ status: "active" });
    const audit = await getDb().memoryWriteEvent.findFirst({ where: { userId: user.id, operation: "delete" } });
    expect(audit).toMatchObject({ beforeContent: "User is a vegetarian" });
  });

  it("'actually I prefer Python over TypeScript' supersedes the old preference, keeping the chain", async () => {
    const { user, conversationId } = await fresh();
    await sendChat(user, conversationId, "I prefer TypeScript for backend work.");
    await drain(user);
    const turn = await sendChat(user, conversationId, "Actually, I prefer Python over TypeScript.");
    expect(turn.tools.map((t) => t.name)).toEqual(["query_memory", "save_memory"]);
    await drain(user);
    const rows = await items(user);
    const old = rows.find((m) => m.content.includes("TypeScript for backend"));
    const next = rows.find((m) => m.content.includes("Python"));
    expect(old).toMatchObject({ status: "superseded", supersededBy: next!.id });
    expect(next).toMatchObject({ status: "active", type: "preference" });
    const ops = await getDb().memoryWriteEvent.findMany({ where: { userId: user.id }, orderBy: { seq: "asc" }, select: { operation: true } });
    expect(ops.map((o) => o.operation)).toEqual(["create", "supersede", "create"]);
  });

  it("the same fact twice yields one memory", async () => {
    const { user, conversationId } = await fresh();
    await sendChat(user, conversationId, "I live in Berlin.");
    await drain(user);
    await sendChat(user, conversationId, "I live in Berlin.");
    await drain(user);
    expect((await items(user)).filter((m) => m.status === "active")).toHaveLength(1);
    // The agent may recognise the repeat itself; if it writes again, the write service skips the duplicate.
    const jobs = await getDb().memoryWriteJob.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    const actions = jobs.map((j) => (j.result as { action?: string }).action);
    expect(actions[0]).toBe("created");
    expect(actions.slice(1).every((a) => a === "duplicate_skipped")).toBe(true);
  });

  it("the per-conversation rate limit kicks in on rapid writes", async () => {
    const { user, conversationId } = await fresh();
    const facts = ["I own a cat", "I live in Oslo", "I work as a nurse", "I speak Dutch", "I play the cello", "I drive a Volvo",
      "I have two sisters", "I was born in Lima", "I studied chemistry", "I run marathons", "I collect stamps", "I grow tomatoes"];
    for (const fact of facts) await sendChat(user, conversationId, fact);
    await drain(user);
    // Episode summaries (this conversation crosses the threshold) are not memory writes the agent makes.
    const results = (await getDb().memoryWriteJob.findMany({ where: { userId: user.id, kind: "create" }, orderBy: { createdAt: "asc" } })).map(
      (j) => (j.result as { action?: string }).action,
    );
    expect(results.filter((a) => a === "created")).toHaveLength(config.memory.ratePerConversation);
    expect(results.filter((a) => a === "rate_limited").length).toBeGreaterThanOrEqual(1);
    expect(await getDb().memoryItem.count({ where: { userId: user.id, status: "active", type: { not: "episode" } } })).toBe(
      config.memory.ratePerConversation,
    );
  });

  it("a long conversation gets exactly one episode summary", async () => {
    const { user, conversationId } = await fresh();
    const turns = ["I'm planning a trip to Japan", "I want to visit Kyoto in April", "What should I pack?", "I love temples",
      "Is the rail pass worth it?", "I decided to buy the rail pass", "How long is the train to Osaka?", "Thanks, that helps",
      "I prefer small guesthouses", "Any tips for Nara?"];
    for (const text of turns) {
      await sendChat(user, conversationId, text);
      await drain(user);
    }
    const episodes = await getDb().memoryItem.findMany({ where: { userId: user.id, type: "episode" } });
    expect(episodes).toHaveLength(1);
    expect(episodes[0]).toMatchObject({ sourceConversationId: conversationId, status: "active" });
    expect(episodes[0]!.content).toMatch(/Japan|Kyoto/);
  });

  it("another user's conversation is not found, and their memories are out of reach through chat", async () => {
    const alice = await fresh();
    const bob = await createTestUser({ prefix: "bob" });
    await sendChat(alice.user, alice.conversationId, "I'm a vegetarian");
    await drain(alice.user);
    const hijack = await sendChat(bob, alice.conversationId, "What do you remember about me?");
    expect(hijack.status).toBe(404);
    const bobChat = randomUUID();
    const recall = await sendChat(bob, bobChat, "What do you remember about me?");
    expect(JSON.stringify(recall.tools)).not.toContain("vegetarian");
    const forget = await sendChat(bob, bobChat, "Forget that I'm a vegetarian");
    expect(forget.tools.find((t) => t.name === "delete_memory")?.output).toMatchObject({ candidates: [] });
    await sendChat(bob, bobChat, "yes");
    await drain(bob);
    expect((await items(alice.user)).map((m) => m.status)).toEqual(["active"]);
  });
});

describe("memory writes never slow the chat", () => {
  const delay = 2500;
  afterEach(async () => {
    await stopMemoryWriteWorker({ timeoutMs: 5000 });
    (config.memory as { artificialDelayMs: number }).artificialDelayMs = 0;
  });

  it("answers before a slowed-down write has finished, and the write still lands", async () => {
    const { user, conversationId } = await fresh();
    // Baseline, with the normal write path.
    startMemoryWriteWorker({ enabled: true, handleSignals: false });
    const normal = await sendChat(user, conversationId, "I live in Porto.");
    await drain(user);
    await stopMemoryWriteWorker({ timeoutMs: 5000 });

    (config.memory as { artificialDelayMs: number }).artificialDelayMs = delay;
    startMemoryWriteWorker({ enabled: true, handleSignals: false });
    const slowed = await sendChat(user, conversationId, "I work as a baker.");
    const writeId = String(slowed.tools[0]!.output.write_id);
    // The response is complete while its write is still queued or running.
    const job = await getDb().memoryWriteJob.findUniqueOrThrow({ where: { id: writeId } });
    expect(["queued", "running"]).toContain(job.status);
    expect(slowed.ms).toBeLessThan(delay);
    console.info(`chat turn: ${normal.ms.toFixed(0)} ms with normal writes, ${slowed.ms.toFixed(0)} ms with writes slowed by ${delay} ms`);
    await drain(user);
    expect(await getDb().memoryItem.count({ where: { userId: user.id, content: { contains: "baker" } } })).toBe(1);
  });
});
