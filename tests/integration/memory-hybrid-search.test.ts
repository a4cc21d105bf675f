import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confirmProposal } from "@/lib/memory/confirm-proposal";
import { createMemory } from "@/lib/memory/create-memory";
import { deleteMemories } from "@/lib/memory/delete-memories";
import { hybridSearch } from "@/lib/memory/hybrid-search";
import { proposeMemory } from "@/lib/memory/propose-memory";
import { rejectProposal } from "@/lib/memory/reject-proposal";
import { supersedeMemory } from "@/lib/memory/supersede-memory";
import { getRedis } from "@/lib/redis/client";
import { createMemoryTestUser, memoryRequest, newCorrelationId } from "@/tests/support/memory-fixtures";

afterAll(() => getRedis()?.disconnect());

describe("hybridSearch (real pgvector + full-text)", () => {
  let me: { id: string };
  let other: { id: string };
  const ids: Record<string, string> = {};
  const write = async (userId: string, content: string, type: "fact" | "preference" | "decision" = "fact") => {
    const res = await createMemory({ request: memoryRequest(userId, content, { memoryType: type }), correlationId: newCorrelationId() });
    if (res.action !== "created") throw new Error(`setup write ${content}: ${res.action}`);
    return res.memoryId!;
  };

  beforeAll(async () => {
    me = await createMemoryTestUser();
    other = await createMemoryTestUser();
    ids.job = await write(me.id, "I work as a nurse at the city hospital");
    ids.diet = await write(me.id, "I am vegetarian and avoid fish", "preference");
    ids.pet = await write(me.id, "My cat Miso sleeps on the keyboard");
    ids.db = await write(me.id, "We decided to use PostgreSQL for the new billing service", "decision");
    ids.otherJob = await write(other.id, "I work as a nurse at the children's hospital");
    ids.otherSecret = await write(other.id, "My hospital badge has a blue lanyard");
    const old = await write(me.id, "I live in Hamburg");
    const next = await supersedeMemory({ userId: me.id, oldId: old, request: { content: "I live in Munich since May", memoryType: "fact" }, correlationId: newCorrelationId() });
    ids.superseded = old;
    ids.home = next.memoryId!;
    ids.deleted = await write(me.id, "My hospital locker is on the second floor");
    await deleteMemories({ userId: me.id, memoryIds: [ids.deleted], correlationId: newCorrelationId() });
    const pending = await proposeMemory({ request: memoryRequest(me.id, "I might change hospital jobs next year", { confidence: 0.55 }), correlationId: newCorrelationId() });
    ids.pending = pending.proposalId!;
    const rejected = await proposeMemory({ request: memoryRequest(me.id, "I hate the hospital cafeteria", { confidence: 0.55 }), correlationId: newCorrelationId() });
    await rejectProposal({ userId: me.id, proposalId: rejected.proposalId!, correlationId: newCorrelationId() });
    ids.rejected = rejected.proposalId!;
  });

  it("finds a memory by a paraphrase that shares key words", async () => {
    const hits = await hybridSearch({ userId: me.id, query: "what is the user's job at the hospital?" });
    expect(hits[0]?.id).toBe(ids.job);
    expect(hits[0]).toMatchObject({ content: "I work as a nurse at the city hospital", type: "fact" });
    expect(hits[0]!.vectorScore).toBeGreaterThan(0.2);
    expect(hits[0]!.textScore).toBeGreaterThan(0);
    expect(hits[0]!.createdAt).toBeInstanceOf(Date);

    expect((await hybridSearch({ userId: me.id, query: "does the user eat fish?" }))[0]?.id).toBe(ids.diet);
    expect((await hybridSearch({ userId: me.id, query: "which database did we decide on" }))[0]?.id).toBe(ids.db);
    expect((await hybridSearch({ userId: me.id, query: "where do I live" }))[0]?.id).toBe(ids.home);
  });

  it("ranks first the memory that says what was asked, in other words: reranked by word alignment, and the same rows whether reranked or not", async () => {
    const user = await createMemoryTestUser();
    const pet = await write(user.id, "User has a husky called Luna");
    await write(user.id, "User walks to work every morning");
    await write(user.id, "User's sister lives in Kent");
    await write(user.id, "User prefers short answers", "preference");
    const reranked = await hybridSearch({ userId: user.id, query: "What kind of dog do I have?", limit: 4 });
    expect(reranked[0]?.id).toBe(pet);
    const mixedOnly = await hybridSearch({ userId: user.id, query: "What kind of dog do I have?", limit: 4, rerank: false });
    expect(new Set(mixedOnly.map((h) => h.id))).toEqual(new Set(reranked.map((h) => h.id)));
  });

  it("never returns another user's, pending, rejected, superseded or deleted memories", async () => {
    const forbidden = [ids.otherJob, ids.otherSecret, ids.pending, ids.rejected, ids.superseded, ids.deleted];
    for (const query of ["hospital", "nurse hospital job", "locker badge lanyard floor", "Hamburg", "change hospital jobs", "cafeteria", ""]) {
      const hits = await hybridSearch({ userId: me.id, query, limit: 50 });
      for (const id of forbidden) expect(hits.map((h) => h.id), query).not.toContain(id);
    }
    const theirs = await hybridSearch({ userId: other.id, query: "hospital", limit: 50 });
    expect(new Set(theirs.map((h) => h.id))).toEqual(new Set([ids.otherJob, ids.otherSecret]));
  });

  it("filters by type and honours the limit", async () => {
    const decisions = await hybridSearch({ userId: me.id, query: "PostgreSQL billing", types: ["decision"] });
    expect(decisions.map((h) => h.id)).toEqual([ids.db]);
    expect(await hybridSearch({ userId: me.id, query: "hospital", limit: 1 })).toHaveLength(1);
  });

  it("with an empty query returns the most important, then newest, active memories", async () => {
    const top = await hybridSearch({ userId: me.id, query: "  ", limit: 3 });
    expect(top).toHaveLength(3);
    expect(top[0]!.id).toBe(ids.home); // newest of equal importance
  });

  it("a confirmed proposal becomes searchable", async () => {
    await confirmProposal({ userId: me.id, proposalId: ids.pending!, correlationId: newCorrelationId() });
    expect((await hybridSearch({ userId: me.id, query: "change hospital jobs" }))[0]?.id).toBe(ids.pending);
  });
});
