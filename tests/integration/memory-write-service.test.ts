import { randomUUID } from "node:crypto";
import { MockLanguageModelV3 } from "ai/test";
import { afterAll, describe, expect, it } from "vitest";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { insertMemoryItem } from "@/lib/db/memory-items-sql";
import { embedText } from "@/lib/embeddings/embed-text";
import { AppError } from "@/lib/errors";
import { confirmProposal } from "@/lib/memory/confirm-proposal";
import { createEpisodeSummary } from "@/lib/memory/create-episode-summary";
import { createMemory } from "@/lib/memory/create-memory";
import { deleteMemories } from "@/lib/memory/delete-memories";
import { findDeleteCandidates } from "@/lib/memory/find-delete-candidates";
import { hybridSearch } from "@/lib/memory/hybrid-search";
import { listMemoryEventsSince } from "@/lib/memory/list-memory-events-since";
import { proposeMemory } from "@/lib/memory/propose-memory";
import { rejectProposal } from "@/lib/memory/reject-proposal";
import type { MemoryEvent } from "@/lib/memory/schemas";
import { subscribeMemoryEvents } from "@/lib/memory/subscribe-memory-events";
import { supersedeMemory } from "@/lib/memory/supersede-memory";
import { getRedis, getRedisSubscriber } from "@/lib/redis/client";
import { checkWriteRateLimitConversation } from "@/lib/redis/rate-limit-conversation";
import { checkWriteRateLimitHourly } from "@/lib/redis/rate-limit-hourly";
import {
  addConversationMessages,
  createMemoryTestConversation,
  createMemoryTestUser,
  listAllEvents,
  listAllMemories,
  memoryRequest,
  newCorrelationId,
} from "@/tests/support/memory-fixtures";

// The spec's write-service tests, against the real Postgres+pgvector and Redis.

afterAll(() => {
  getRedis()?.disconnect();
  getRedisSubscriber()?.disconnect();
});

function summaryModel(text: string) {
  return new MockLanguageModelV3({
    doGenerate: async () => ({
      content: [{ type: "text", text }],
      finishReason: { unified: "stop", raw: "stop" },
      usage: {
        inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
        outputTokens: { total: 10, text: 10, reasoning: 0 },
      },
      warnings: [],
    }),
  });
}

describe("createMemory", () => {
  it("creates the memory and its audit row", async () => {
    const user = await createMemoryTestUser();
    const conversation = await createMemoryTestConversation({ userId: user.id });
    const correlationId = newCorrelationId();
    const res = await createMemory({
      request: memoryRequest(user.id, "  I live in Berlin  ", { sourceConversationId: conversation.id, confidence: 0.9 }),
      correlationId,
    });
    expect(res).toMatchObject({ action: "created", content: "I live in Berlin" });
    expect(res.remaining).toBe(9);
    const [item] = await listAllMemories(user.id);
    expect(item).toMatchObject({ id: res.memoryId, content: "I live in Berlin", status: "active", type: "fact", confidence: 0.9 });
    const events = await listAllEvents(user.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      memoryItemId: res.memoryId,
      operation: "create",
      confidence: 0.9,
      extractionType: "explicit",
      afterContent: "I live in Berlin",
      beforeContent: null,
      correlationId,
    });
    expect(events[0]!.processingTimeMs).toBeGreaterThanOrEqual(0);
  });

  it("detects a duplicate: duplicate_skipped, nothing inserted", async () => {
    const user = await createMemoryTestUser();
    const first = await createMemory({ request: memoryRequest(user.id, "I prefer dark mode in my editor"), correlationId: newCorrelationId() });
    const dup = await createMemory({ request: memoryRequest(user.id, "I prefer dark mode in the editor."), correlationId: newCorrelationId() });
    expect(dup).toMatchObject({ action: "duplicate_skipped", duplicateOf: first.memoryId });
    expect(await listAllMemories(user.id)).toHaveLength(1);
    expect(await listAllEvents(user.id)).toHaveLength(1);
    // Another user's identical memory is not a duplicate.
    const other = await createMemoryTestUser();
    expect((await createMemory({ request: memoryRequest(other.id, "I prefer dark mode in my editor"), correlationId: newCorrelationId() })).action).toBe("created");
  });

  it("is rate limited per conversation", async () => {
    const user = await createMemoryTestUser();
    const conversation = await createMemoryTestConversation({ userId: user.id });
    for (let i = 0; i < config.memory.ratePerConversation; i++) await checkWriteRateLimitConversation({ conversationId: conversation.id });
    const res = await createMemory({
      request: memoryRequest(user.id, "I have a cat named Miso", { sourceConversationId: conversation.id }),
      correlationId: newCorrelationId(),
    });
    expect(res).toMatchObject({ action: "rate_limited", remaining: 0 });
    expect(await listAllMemories(user.id)).toHaveLength(0);
  });

  it("is rate limited per hour", async () => {
    const user = await createMemoryTestUser();
    for (let i = 0; i < config.memory.ratePerHour; i++) await checkWriteRateLimitHourly({ userId: user.id });
    const res = await createMemory({ request: memoryRequest(user.id, "I have a cat named Miso"), correlationId: newCorrelationId() });
    expect(res.action).toBe("rate_limited");
    expect(await listAllMemories(user.id)).toHaveLength(0);
  });
});

describe("texts without content words", () => {
  it("the write policy refuses a memory of only function words or only punctuation as a fragment", async () => {
    const user = await createMemoryTestUser();
    for (const content of ["I am", "?!"]) {
      expect(await createMemory({ request: memoryRequest(user.id, content), correlationId: newCorrelationId() })).toMatchObject({
        action: "refused",
        reason: "fragment",
      });
    }
    expect(await listAllMemories(user.id)).toEqual([]);
  });

  it("rows of only function words or only punctuation (stored before the policy) are searchable without NaN scores", async () => {
    const user = await createMemoryTestUser();
    const ids: string[] = [];
    for (const content of ["I am", "?!"]) {
      const id = randomUUID();
      await insertMemoryItem(getDb(), {
        id,
        userId: user.id,
        content,
        type: "fact",
        embedding: await embedText({ text: content }),
        importance: 0.5,
        confidence: 0.9,
        status: "active",
      });
      ids.push(id);
    }
    expect(await hybridSearch({ userId: user.id, query: "???" })).toEqual([]);
    const hits = await hybridSearch({ userId: user.id, query: "am I" });
    expect(hits.map((h) => h.id)).toContain(ids[0]);
    expect(hits.every((h) => Number.isFinite(h.score))).toBe(true);
  });
});

describe("deleteMemories", () => {
  it("soft-deletes the named memories with one audit row each", async () => {
    const user = await createMemoryTestUser();
    const a = await createMemory({ request: memoryRequest(user.id, "I live in Berlin"), correlationId: newCorrelationId() });
    const b = await createMemory({ request: memoryRequest(user.id, "My dog is called Rex"), correlationId: newCorrelationId() });
    const correlationId = newCorrelationId();
    const res = await deleteMemories({ userId: user.id, memoryIds: [a.memoryId!], correlationId });
    expect(res).toEqual({ deleted: [a.memoryId], notFound: [] });
    const items = await listAllMemories(user.id);
    expect(items.find((m) => m.id === a.memoryId)).toMatchObject({ status: "deleted" });
    expect(items.find((m) => m.id === a.memoryId)!.deletedAt).toBeInstanceOf(Date);
    expect(items.find((m) => m.id === b.memoryId)).toMatchObject({ status: "active" });
    const deleteEvents = (await listAllEvents(user.id)).filter((e) => e.operation === "delete");
    expect(deleteEvents).toEqual([expect.objectContaining({ memoryItemId: a.memoryId, beforeContent: "I live in Berlin", correlationId })]);
    expect((await hybridSearch({ userId: user.id, query: "Berlin" })).map((r) => r.id)).not.toContain(a.memoryId);
  });

  it("with no match changes nothing", async () => {
    const user = await createMemoryTestUser();
    const a = await createMemory({ request: memoryRequest(user.id, "I live in Berlin"), correlationId: newCorrelationId() });
    const missing = randomUUID();
    const res = await deleteMemories({ userId: user.id, memoryIds: [missing, "not-a-uuid"], correlationId: newCorrelationId() });
    expect(res).toEqual({ deleted: [], notFound: [missing, "not-a-uuid"] });
    expect((await listAllMemories(user.id)).map((m) => m.status)).toEqual(["active"]);
    expect((await listAllEvents(user.id)).map((e) => e.operation)).toEqual(["create"]);
    // Deleting twice: the second time it is already gone.
    await deleteMemories({ userId: user.id, memoryIds: [a.memoryId!], correlationId: newCorrelationId() });
    expect(await deleteMemories({ userId: user.id, memoryIds: [a.memoryId!], correlationId: newCorrelationId() })).toEqual({
      deleted: [],
      notFound: [a.memoryId],
    });
  });

  it("finds candidates in a separate step that never deletes", async () => {
    const user = await createMemoryTestUser();
    const a = await createMemory({ request: memoryRequest(user.id, "I work at Acme as a software engineer"), correlationId: newCorrelationId() });
    await createMemory({ request: memoryRequest(user.id, "My favourite food is ramen"), correlationId: newCorrelationId() });
    const candidates = await findDeleteCandidates({ userId: user.id, description: "where I work" });
    expect(candidates.map((c) => c.id)).toEqual([a.memoryId]);
    expect((await listAllMemories(user.id)).every((m) => m.status === "active")).toBe(true);
  });
});

describe("supersedeMemory", () => {
  it("creates the chain with both audit rows in one transaction", async () => {
    const user = await createMemoryTestUser();
    const old = await createMemory({ request: memoryRequest(user.id, "I live in Berlin"), correlationId: newCorrelationId() });
    const correlationId = newCorrelationId();
    const res = await supersedeMemory({
      userId: user.id,
      oldId: old.memoryId!,
      request: { content: "I live in Paris now", memoryType: "fact" },
      correlationId,
    });
    expect(res).toMatchObject({ action: "created", content: "I live in Paris now" });
    const items = await listAllMemories(user.id);
    expect(items.find((m) => m.id === old.memoryId)).toMatchObject({ status: "superseded", supersededBy: res.memoryId });
    expect(items.find((m) => m.id === res.memoryId)).toMatchObject({ status: "active" });
    const events = (await listAllEvents(user.id)).filter((e) => e.correlationId === correlationId);
    expect(events).toEqual([
      expect.objectContaining({
        operation: "supersede",
        memoryItemId: old.memoryId,
        beforeContent: "I live in Berlin",
        afterContent: "I live in Paris now",
        extractionType: "correction",
      }),
      expect.objectContaining({ operation: "create", memoryItemId: res.memoryId, afterContent: "I live in Paris now" }),
    ]);
    const hits = await hybridSearch({ userId: user.id, query: "where do I live" });
    expect(hits.map((h) => h.id)).toEqual([res.memoryId]);
    // The superseded memory cannot be superseded again.
    await expect(
      supersedeMemory({ userId: user.id, oldId: old.memoryId!, request: { content: "I live in Rome", memoryType: "fact" }, correlationId: newCorrelationId() }),
    ).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("cross-user writes are refused with nothing changed", () => {
  it("delete, supersede, confirm and reject of another user's memory", async () => {
    const owner = await createMemoryTestUser();
    const intruder = await createMemoryTestUser();
    const mine = await createMemory({ request: memoryRequest(owner.id, "I live in Berlin"), correlationId: newCorrelationId() });
    const proposal = await proposeMemory({ request: memoryRequest(owner.id, "I might move to Lisbon", { confidence: 0.6 }), correlationId: newCorrelationId() });
    const before = { items: await listAllMemories(owner.id), events: await listAllEvents(owner.id) };

    expect(await deleteMemories({ userId: intruder.id, memoryIds: [mine.memoryId!], correlationId: newCorrelationId() })).toEqual({
      deleted: [],
      notFound: [mine.memoryId],
    });
    await expect(
      supersedeMemory({ userId: intruder.id, oldId: mine.memoryId!, request: { content: "hacked", memoryType: "fact" }, correlationId: newCorrelationId() }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(confirmProposal({ userId: intruder.id, proposalId: proposal.proposalId!, correlationId: newCorrelationId() })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(rejectProposal({ userId: intruder.id, proposalId: proposal.proposalId!, correlationId: newCorrelationId() })).rejects.toBeInstanceOf(AppError);

    expect(await listAllMemories(owner.id)).toEqual(before.items);
    expect(await listAllEvents(owner.id)).toEqual(before.events);
    expect(await listAllMemories(intruder.id)).toEqual([]);
    expect(await listAllEvents(intruder.id)).toEqual([]);
  });
});

describe("proposals", () => {
  it("a pending proposal is invisible to search, then confirmed through the create path", async () => {
    const user = await createMemoryTestUser();
    const p = await proposeMemory({ request: memoryRequest(user.id, "I am learning Japanese", { confidence: 0.6 }), correlationId: newCorrelationId() });
    expect(p).toMatchObject({ action: "confirm_needed", content: "I am learning Japanese" });
    expect(await hybridSearch({ userId: user.id, query: "learning Japanese" })).toEqual([]);
    expect(await hybridSearch({ userId: user.id, query: "" })).toEqual([]);

    const correlationId = newCorrelationId();
    const c = await confirmProposal({ userId: user.id, proposalId: p.proposalId!, correlationId });
    expect(c).toMatchObject({ action: "created", memoryId: p.proposalId });
    expect((await hybridSearch({ userId: user.id, query: "learning Japanese" })).map((r) => r.id)).toEqual([p.proposalId]);
    expect((await listAllEvents(user.id)).map((e) => [e.operation, e.extractionType])).toEqual([
      ["propose", "explicit"],
      ["confirm", "user_confirmed"],
    ]);
    await expect(confirmProposal({ userId: user.id, proposalId: p.proposalId!, correlationId: newCorrelationId() })).rejects.toMatchObject({ code: "conflict" });
    await expect(rejectProposal({ userId: user.id, proposalId: p.proposalId!, correlationId: newCorrelationId() })).rejects.toMatchObject({ code: "conflict" });
  });

  it("reject marks it rejected with an audit row; a confirmed duplicate is skipped", async () => {
    const user = await createMemoryTestUser();
    const p = await proposeMemory({ request: memoryRequest(user.id, "I dislike olives", { confidence: 0.6 }), correlationId: newCorrelationId() });
    expect(await rejectProposal({ userId: user.id, proposalId: p.proposalId!, correlationId: newCorrelationId() })).toMatchObject({ action: "discarded" });
    expect((await listAllMemories(user.id))[0]).toMatchObject({ status: "rejected" });
    expect((await listAllEvents(user.id)).at(-1)).toMatchObject({ operation: "reject", beforeContent: "I dislike olives" });

    const q = await proposeMemory({ request: memoryRequest(user.id, "I drive a red bicycle", { confidence: 0.6 }), correlationId: newCorrelationId() });
    const active = await createMemory({ request: memoryRequest(user.id, "I drive a red bicycle."), correlationId: newCorrelationId() });
    expect(await confirmProposal({ userId: user.id, proposalId: q.proposalId!, correlationId: newCorrelationId() })).toMatchObject({
      action: "duplicate_skipped",
      duplicateOf: active.memoryId,
    });
    expect((await listAllMemories(user.id)).filter((m) => m.status === "active")).toHaveLength(1);
  });
});

describe("createEpisodeSummary", () => {
  it("below the thresholds returns nothing", async () => {
    const user = await createMemoryTestUser();
    const conversation = await createMemoryTestConversation({ userId: user.id });
    await addConversationMessages({ userId: user.id, conversationId: conversation.id, texts: Array.from({ length: 14 }, (_, i) => `message ${i}`) });
    const model = summaryModel("should not be called");
    expect(await createEpisodeSummary({ userId: user.id, conversationId: conversation.id, correlationId: newCorrelationId(), model })).toBeNull();
    expect(model.doGenerateCalls).toHaveLength(0);
    expect(await listAllMemories(user.id)).toEqual([]);
  });

  it("is generated once the conversation is long enough, and never twice", async () => {
    const user = await createMemoryTestUser();
    const conversation = await createMemoryTestConversation({ userId: user.id });
    // 8 user messages (and 7 assistant ones): the user-message threshold.
    await addConversationMessages({ userId: user.id, conversationId: conversation.id, texts: Array.from({ length: 15 }, (_, i) => `turn ${i} about planning a trip to Japan`) });
    const model = summaryModel("The user planned a two-week trip to Japan in April.");
    const res = await createEpisodeSummary({ userId: user.id, conversationId: conversation.id, correlationId: newCorrelationId(), model });
    expect(res).toMatchObject({ action: "created", content: "The user planned a two-week trip to Japan in April." });
    const prompt = JSON.stringify(model.doGenerateCalls[0]!.prompt);
    expect(prompt).toContain("[mnemo:episode-summary]");
    expect(prompt).toContain("User: turn 0 about planning a trip to Japan");
    const [episode] = await listAllMemories(user.id);
    expect(episode).toMatchObject({ type: "episode", sourceConversationId: conversation.id, status: "active" });
    expect((await listAllEvents(user.id))[0]).toMatchObject({ operation: "create", extractionType: "episode" });

    // Again: the Redis flag answers first.
    expect(await createEpisodeSummary({ userId: user.id, conversationId: conversation.id, correlationId: newCorrelationId(), model })).toBeNull();
    // Without the flag (Redis lost it), the database still says no.
    await getRedis()!.del(`episode:generated:${conversation.id}`);
    const g = globalThis as unknown as Record<symbol, Set<string> | undefined>;
    g[Symbol.for("mnemo.flags.local")]?.clear();
    expect(await createEpisodeSummary({ userId: user.id, conversationId: conversation.id, correlationId: newCorrelationId(), model })).toBeNull();
    expect(model.doGenerateCalls).toHaveLength(1);
    expect(await listAllMemories(user.id)).toHaveLength(1);
  });

  it("concurrent calls still store one episode", async () => {
    const user = await createMemoryTestUser();
    const conversation = await createMemoryTestConversation({ userId: user.id });
    await addConversationMessages({ userId: user.id, conversationId: conversation.id, texts: Array.from({ length: 16 }, (_, i) => `turn ${i}`) });
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        createEpisodeSummary({ userId: user.id, conversationId: conversation.id, correlationId: newCorrelationId(), model: summaryModel("The user chatted.") }),
      ),
    );
    expect(results.filter((r) => r?.action === "created")).toHaveLength(1);
    expect(await listAllMemories(user.id)).toHaveLength(1);
  });
});

describe("live events and the audit cursor", () => {
  it("publishes each committed audit row on the user's and the admin channel, and lists them by seq", async () => {
    const user = await createMemoryTestUser();
    const mine: MemoryEvent[] = [];
    const all: MemoryEvent[] = [];
    const offMine = subscribeMemoryEvents({ userId: user.id, onEvent: (e) => mine.push(e) });
    const offAll = subscribeMemoryEvents({ userId: "all", onEvent: (e) => e.userId === user.id && all.push(e) });
    await new Promise((r) => setTimeout(r, 200)); // SUBSCRIBE round trip
    const a = await createMemory({ request: memoryRequest(user.id, "I live in Berlin"), correlationId: newCorrelationId() });
    await deleteMemories({ userId: user.id, memoryIds: [a.memoryId!], correlationId: newCorrelationId() });
    await expect.poll(() => mine.length, { timeout: 3000 }).toBe(2);
    await expect.poll(() => all.length, { timeout: 3000 }).toBe(2);
    offMine();
    offAll();
    expect(mine.map((e) => e.operation)).toEqual(["create", "delete"]);

    const listed = await listMemoryEventsSince({ userId: user.id, afterSeq: "0" });
    expect(listed).toEqual(mine);
    expect(await listMemoryEventsSince({ userId: user.id, afterSeq: listed[0]!.seq })).toEqual([listed[1]]);
  });
});

describe("database rows are scoped", () => {
  it("the memory rows a user sees are only theirs", async () => {
    const a = await createMemoryTestUser();
    const b = await createMemoryTestUser();
    await createMemory({ request: memoryRequest(a.id, "I live in Berlin"), correlationId: newCorrelationId() });
    expect(await getDb().memoryItem.count({ where: { userId: b.id } })).toBe(0);
  });
});
