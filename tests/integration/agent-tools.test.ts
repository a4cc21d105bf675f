import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { deleteMemory } from "@/lib/agent/tools/delete-memory";
import { queryMemory } from "@/lib/agent/tools/query-memory";
import { saveMemory } from "@/lib/agent/tools/save-memory";
import type { ToolContext } from "@/lib/agent/tools/tool-context";
import { getDb } from "@/lib/db/client";
import { createMemory } from "@/lib/memory/create-memory";
import { drainMemoryWrites } from "@/lib/jobs/drain-memory-writes";
import { createTestUser } from "@/tests/support/test-users";

// The spec's tool tests, run against the real database and queue: the tools are thin, and
// what matters is what they leave behind.

const execOptions = { toolCallId: "t1", messages: [] };
let ctx: ToolContext;

async function exec<T>(t: { execute?: (input: never, options: typeof execOptions) => T }, input: unknown) {
  return (await t.execute!(input as never, execOptions)) as Awaited<T>;
}

beforeEach(async () => {
  const user = await createTestUser({ prefix: "tools" });
  const conversationId = randomUUID();
  await getDb().conversation.create({ data: { id: conversationId, userId: user.id } });
  ctx = { userId: user.id, conversationId, correlationId: randomUUID(), sourceMessageId: null };
});

const memories = (userId: string) => getDb().memoryItem.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });

describe("save_memory", () => {
  it("high confidence queues a durable write and returns at once", async () => {
    const out = await exec(saveMemory(ctx), { content: "User is a vegetarian", memory_type: "fact", confidence: 0.9, importance: 0.5 });
    expect(out).toMatchObject({ action: "queued", content: "User is a vegetarian" });
    const job = await getDb().memoryWriteJob.findUniqueOrThrow({ where: { id: (out as { write_id: string }).write_id } });
    // Another test file's worker (same database) may already have picked it up; the "returns
    // before the write" proof is the slowed-write test in chat-route.test.ts.
    expect(job).toMatchObject({ userId: ctx.userId, kind: "create", correlationId: ctx.correlationId });
    expect(job.payload).toMatchObject({ request: { content: "User is a vegetarian", memoryType: "fact", confidence: 0.9 } });
    await drainMemoryWrites({ userId: ctx.userId!, timeoutMs: 10_000 });
    const [memory] = await memories(ctx.userId!);
    expect(memory).toMatchObject({ content: "User is a vegetarian", type: "fact", status: "active", sourceConversationId: ctx.conversationId });
  });

  it("medium confidence stores a pending proposal and asks for confirmation", async () => {
    const out = await exec(saveMemory(ctx), { content: "User might move to Lisbon", memory_type: "fact", confidence: 0.6, importance: 0.5 });
    expect(out).toMatchObject({ action: "confirm_needed", content: "User might move to Lisbon" });
    const [pending] = await memories(ctx.userId!);
    expect(pending).toMatchObject({ id: (out as { proposal_id: string }).proposal_id, status: "pending" });
  });

  it("low confidence is discarded and writes nothing", async () => {
    const out = await exec(saveMemory(ctx), { content: "User may like jazz", memory_type: "preference", confidence: 0.3, importance: 0.5 });
    expect(out).toMatchObject({ action: "discarded" });
    expect(await memories(ctx.userId!)).toHaveLength(0);
    expect(await getDb().memoryWriteJob.count({ where: { userId: ctx.userId! } })).toBe(0);
  });

  it("missing user returns an error result", async () => {
    const out = await exec(saveMemory({ ...ctx, userId: null }), { content: "User is a vegetarian", memory_type: "fact", confidence: 0.9, importance: 0.5 });
    expect(out).toEqual({ error: expect.stringMatching(/No authenticated user/) });
  });

  it("invalid memory type, empty and overlong content come back as readable errors", async () => {
    const tool = saveMemory(ctx);
    expect(await exec(tool, { content: "User is tall", memory_type: "gossip", confidence: 0.9, importance: 0.5 })).toEqual({
      error: expect.stringMatching(/Invalid memory_type "gossip"/),
    });
    expect(await exec(tool, { content: "   ", memory_type: "fact", confidence: 0.9, importance: 0.5 })).toHaveProperty("error");
    expect(await exec(tool, { content: "x".repeat(2001), memory_type: "fact", confidence: 0.9, importance: 0.5 })).toHaveProperty("error");
    expect(await getDb().memoryWriteJob.count({ where: { userId: ctx.userId! } })).toBe(0);
  });

  it("supersedes only an active memory of the same user", async () => {
    const other = await createTestUser({ prefix: "other" });
    const theirs = await createMemory({ request: { userId: other.id, content: "User prefers TypeScript", memoryType: "preference" }, correlationId: randomUUID() });
    const out = await exec(saveMemory(ctx), {
      content: "User prefers Python",
      memory_type: "preference",
      confidence: 0.9,
      importance: 0.5,
      supersedes: theirs.memoryId,
    });
    expect(out).toHaveProperty("error");
    expect((await getDb().memoryItem.findUniqueOrThrow({ where: { id: theirs.memoryId! } })).status).toBe("active");
  });
});

describe("delete_memory", () => {
  beforeEach(async () => {
    for (const content of ["User is a vegetarian", "User lives in Berlin"]) {
      await createMemory({ request: { userId: ctx.userId!, content, memoryType: "fact" }, correlationId: randomUUID() });
    }
  });

  it("search mode returns candidates and deletes nothing", async () => {
    const out = await exec(deleteMemory(ctx), { description: "vegetarian", confirm: false });
    expect("candidates" in out && out.candidates.map((c) => c.content)).toEqual(["User is a vegetarian"]);
    expect((await memories(ctx.userId!)).every((m) => m.status === "active")).toBe(true);
  });

  it("confirm mode deletes exactly the confirmed ids in the background", async () => {
    const search = await exec(deleteMemory(ctx), { description: "vegetarian", confirm: false });
    const ids = "candidates" in search ? search.candidates.map((c) => c.id) : [];
    const out = await exec(deleteMemory(ctx), { description: "vegetarian", confirm: true, memory_ids: ids });
    expect(out).toMatchObject({ action: "delete_queued", count: 1, memory_ids: ids });
    await drainMemoryWrites({ userId: ctx.userId!, timeoutMs: 10_000 });
    const rows = await memories(ctx.userId!);
    expect(rows.find((m) => m.content === "User is a vegetarian")).toMatchObject({ status: "deleted" });
    expect(rows.find((m) => m.content === "User lives in Berlin")).toMatchObject({ status: "active" });
  });

  it("no match returns an informative message", async () => {
    const out = await exec(deleteMemory(ctx), { description: "my favourite opera", confirm: false });
    expect(out).toEqual({ candidates: [], message: expect.stringMatching(/No memories match/) });
  });

  it("confirm mode never deletes another user's memory", async () => {
    const other = await createTestUser({ prefix: "other" });
    const theirs = await createMemory({ request: { userId: other.id, content: "User is a pilot", memoryType: "fact" }, correlationId: randomUUID() });
    const out = await exec(deleteMemory(ctx), { description: "pilot", confirm: true, memory_ids: [theirs.memoryId] });
    expect(out).toHaveProperty("error");
    expect(await getDb().memoryWriteJob.count({ where: { userId: ctx.userId!, kind: "delete" } })).toBe(0);
    expect((await getDb().memoryItem.findUniqueOrThrow({ where: { id: theirs.memoryId! } })).status).toBe("active");
  });

  it("more ids than one delete can carry is a readable error, and nothing is queued", async () => {
    const ids = Array.from({ length: 101 }, () => randomUUID());
    const out = await exec(deleteMemory(ctx), { description: "everything", confirm: true, memory_ids: ids });
    expect(out).toEqual({ error: expect.stringMatching(/At most 100 memories/) });
    expect(await getDb().memoryWriteJob.count({ where: { userId: ctx.userId!, kind: "delete" } })).toBe(0);
  });

  it("missing user returns an error result", async () => {
    expect(await exec(deleteMemory({ ...ctx, userId: null }), { description: "vegetarian", confirm: false })).toEqual({
      error: expect.stringMatching(/No authenticated user/),
    });
  });
});

describe("query_memory", () => {
  it("returns only the user's own active memories", async () => {
    const other = await createTestUser({ prefix: "other" });
    await createMemory({ request: { userId: other.id, content: "User is a vegetarian", memoryType: "fact" }, correlationId: randomUUID() });
    await createMemory({ request: { userId: ctx.userId!, content: "User is a vegetarian who cooks", memoryType: "fact" }, correlationId: randomUUID() });
    const out = await exec(queryMemory(ctx), { query: "vegetarian", limit: 8 });
    expect("memories" in out && out.memories.map((m) => m.content)).toEqual(["User is a vegetarian who cooks"]);
    expect(await exec(queryMemory({ ...ctx, userId: null }), { query: "x", limit: 8 })).toHaveProperty("error");
  });
});
