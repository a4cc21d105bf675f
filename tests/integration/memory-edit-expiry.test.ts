import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { saveMemory } from "@/lib/agent/tools/save-memory";
import { PATCH as patchRoute } from "@/app/api/memories/[id]/route";
import { getDb } from "@/lib/db/client";
import { ErrorBodySchema } from "@/lib/errors";
import { drainMemoryWrites } from "@/lib/jobs/drain-memory-writes";
import { createMemory } from "@/lib/memory/create-memory";
import { MemoryPatchResultSchema } from "@/lib/memory/edit-schemas";
import { expireMemories } from "@/lib/memory/expire-memories";
import { getMemoryDetail } from "@/lib/memory/get-memory-detail";
import { createTestUser, request, routeParams, type TestUser } from "@/tests/support/test-users";
import { seedMemory } from "./inspector-seed";

// Editing a memory from its page (a supersede audited as user_edit, under the write policy)
// and expiry: set or cleared on the page, sent by the model with save_memory, and the sweep
// that marks due memories expired (audited, idempotent, safe when run twice at once).

async function patch(user: TestUser, memoryId: string, body: unknown) {
  const response = await patchRoute(request(`/api/memories/${memoryId}`, { user, method: "PATCH", body }), routeParams({ id: memoryId }));
  return { status: response.status, json: (await response.json()) as unknown };
}

const events = (userId: string) => getDb().memoryWriteEvent.findMany({ where: { userId }, orderBy: { seq: "asc" } });
const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();

describe("edit a memory", () => {
  it("is a new version superseding the old, audited as the user's own edit; type changes too", async () => {
    const user = await createTestUser({ prefix: "edit" });
    const id = await seedMemory(user.id, "User lives in Glasgow");
    const { status, json } = await patch(user, id, { content: "User lives in Leeds" });
    expect(status).toBe(200);
    const result = MemoryPatchResultSchema.parse(json);
    expect(result).toMatchObject({ action: "edited" });
    expect(result.memoryId).not.toBe(id);
    const [old, edited] = await Promise.all([
      getDb().memoryItem.findUniqueOrThrow({ where: { id } }),
      getDb().memoryItem.findUniqueOrThrow({ where: { id: result.memoryId } }),
    ]);
    expect(old).toMatchObject({ status: "superseded", supersededBy: edited.id, content: "User lives in Glasgow" });
    expect(edited).toMatchObject({ status: "active", content: "User lives in Leeds", type: "fact", confidence: 1 });
    const audit = (await events(user.id)).slice(-2);
    expect(audit).toEqual([
      expect.objectContaining({ operation: "supersede", memoryItemId: id, extractionType: "user_edit", beforeContent: "User lives in Glasgow", afterContent: "User lives in Leeds" }),
      expect.objectContaining({ operation: "create", memoryItemId: edited.id, extractionType: "user_edit" }),
    ]);

    const retyped = MemoryPatchResultSchema.parse((await patch(user, edited.id, { type: "note" })).json);
    expect(await getDb().memoryItem.findUniqueOrThrow({ where: { id: retyped.memoryId } })).toMatchObject({ type: "note", content: "User lives in Leeds" });
    expect(MemoryPatchResultSchema.parse((await patch(user, retyped.memoryId, { content: "User lives in Leeds" })).json).action).toBe("unchanged");
    // The old version is history now.
    expect((await patch(user, id, { content: "User lives in York" })).status).toBe(409);
  });

  it("the write policy applies: a refused edit is a 422 with the reason, and only the refusal is recorded", async () => {
    const user = await createTestUser({ prefix: "edit-refused" });
    const id = await seedMemory(user.id, "User has a bank account");
    const before = await getDb().memoryItem.count({ where: { userId: user.id } });
    const { status, json } = await patch(user, id, { content: "User's card number is 4111 1111 1111 1111" });
    expect(status).toBe(422);
    expect(ErrorBodySchema.parse(json).error.message).toMatch(/card or bank details/);
    expect(await getDb().memoryItem.count({ where: { userId: user.id } })).toBe(before);
    expect(await getDb().memoryItem.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "active" });
    const refusal = (await events(user.id)).at(-1)!;
    expect(refusal).toMatchObject({ operation: "refuse", extractionType: "user_edit", reason: "payment_data" });
    expect(refusal.afterContent).not.toContain("4111");
  });

  it("rejects a bad body with 400", async () => {
    const user = await createTestUser({ prefix: "edit-bad" });
    const id = await seedMemory(user.id, "User plays the cello");
    for (const body of [{}, { content: "" }, { type: "episode" }, { content: "x", expiresAt: null }, { expiresAt: "tomorrow" }, { status: "deleted" }]) {
      expect((await patch(user, id, body)).status, JSON.stringify(body)).toBe(400);
    }
  });
});

describe("expiry", () => {
  it("is set and cleared on the memory's page, in place and audited; a past date is refused", async () => {
    const user = await createTestUser({ prefix: "expiry" });
    const id = await seedMemory(user.id, "User is on call");
    const at = inAWeek();
    const set = await patch(user, id, { expiresAt: at });
    expect(MemoryPatchResultSchema.parse(set.json)).toEqual({ action: "expiry_updated", memoryId: id, expiresAt: at });
    expect((await getMemoryDetail({ userId: user.id, memoryId: id })).expiresAt).toBe(at);
    expect((await patch(user, id, { expiresAt: at })).status).toBe(200);
    const cleared = await patch(user, id, { expiresAt: null });
    expect(MemoryPatchResultSchema.parse(cleared.json).expiresAt).toBeNull();
    const audit = (await events(user.id)).filter((e) => e.operation === "expire");
    expect(audit.map((e) => [e.extractionType, e.beforeContent, e.afterContent])).toEqual([
      ["user_action", "no expiry", `expires ${at}`],
      ["user_action", `expires ${at}`, "no expiry"],
    ]);
    const past = await patch(user, id, { expiresAt: "2020-01-01T00:00:00Z" });
    expect(past.status).toBe(422);
    expect(ErrorBodySchema.parse(past.json).error.message).toMatch(/in the future/);
  });

  it("save_memory carries expires_at into the memory, and the policy lets a temporary state through only with an expiry", async () => {
    const user = await createTestUser({ prefix: "expiry-tool" });
    const conversationId = randomUUID();
    await getDb().conversation.create({ data: { id: conversationId, userId: user.id } });
    const ctx = { userId: user.id, conversationId, correlationId: randomUUID(), sourceMessageId: null };
    const tool = saveMemory(ctx);
    const at = inAWeek();
    const input = { content: "User is working from Leeds this week", memory_type: "fact", confidence: 0.9, importance: 0.5 };
    const queued = await tool.execute!({ ...input, expires_at: at }, { toolCallId: "t1", messages: [] });
    expect(queued).toMatchObject({ action: "queued" });
    await drainMemoryWrites({ userId: user.id, timeoutMs: 15_000 });
    const memory = await getDb().memoryItem.findFirstOrThrow({ where: { userId: user.id } });
    expect(memory).toMatchObject({ content: "User is working from Leeds this week", status: "active" });
    expect(memory.expiresAt?.toISOString()).toBe(at);
    const without = await saveMemory({ ...ctx, correlationId: randomUUID() }).execute!(input, { toolCallId: "t2", messages: [] });
    expect(without).toMatchObject({ action: "refused", reason: "passing_state" });
    const past = await saveMemory(ctx).execute!({ ...input, expires_at: "2020-01-01T00:00:00Z" }, { toolCallId: "t3", messages: [] });
    expect(past).toMatchObject({ error: expect.stringMatching(/expires_at/) });
  });

  it("the sweep marks due memories expired once, audited, even when two replicas sweep at once", async () => {
    const user = await createTestUser({ prefix: "expiry-sweep" });
    const due = await createMemory({ request: { userId: user.id, content: "User is on call", memoryType: "fact", expiresAt: inAWeek() }, correlationId: randomUUID() });
    const later = await createMemory({ request: { userId: user.id, content: "User is in Lisbon for work", memoryType: "fact", expiresAt: inAWeek() }, correlationId: randomUUID() });
    const lasting = await seedMemory(user.id, "User is a nurse");
    // Time passes for one of them.
    await getDb().memoryItem.update({ where: { id: due.memoryId! }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const [a, b] = await Promise.all([expireMemories({ userId: user.id }), expireMemories({ userId: user.id })]);
    expect(a.expired + b.expired).toBe(1);
    expect(await getDb().memoryItem.findUniqueOrThrow({ where: { id: due.memoryId! } })).toMatchObject({ status: "expired" });
    expect(await getDb().memoryItem.findUniqueOrThrow({ where: { id: later.memoryId! } })).toMatchObject({ status: "active" });
    expect(await getDb().memoryItem.findUniqueOrThrow({ where: { id: lasting } })).toMatchObject({ status: "active" });
    const expired = (await events(user.id)).filter((e) => e.operation === "expire");
    expect(expired).toEqual([expect.objectContaining({ memoryItemId: due.memoryId, extractionType: "expiry", beforeContent: "User is on call" })]);
    expect((await expireMemories({ userId: user.id })).expired).toBe(0);
    // An expired memory's expiry is history: it cannot be changed any more.
    expect((await patch(user, due.memoryId!, { expiresAt: null })).status).toBe(409);
    // The all-users sweep (as the server runs it) finds nothing more of this user's.
    await expireMemories();
    expect(await getDb().memoryItem.count({ where: { userId: user.id, status: "expired" } })).toBe(1);
  });
});
