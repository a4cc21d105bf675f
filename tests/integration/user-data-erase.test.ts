import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as erase } from "@/app/api/data/erase/route";
import { getDb } from "@/lib/db/client";
import { drainMemoryWrites } from "@/lib/jobs/drain-memory-writes";
import { ERASED_MARKER } from "@/lib/user-data/erased-text";
import { ErasurePreviewSchema, ErasureResultSchema } from "@/lib/user-data/schemas";
import { sendChat } from "@/tests/support/chat-client";
import { findInDatabase } from "@/tests/support/database-dump";
import { createTestUser, request, type TestUser } from "@/tests/support/test-users";

// Erasure for good, through the real chat (offline model, queued writes, recall, episodes) and
// the real route: afterwards a token that only the erased memories held appears nowhere in the
// database. The scan reads every text of every row of every table in public (row_to_json),
// not just this user's: the tokens are random per run, so any hit is a copy left behind.

const drain = (user: TestUser) => drainMemoryWrites({ userId: user.id, timeoutMs: 20_000 });

/** A word no other test or run writes: capitalised letters, so the offline model keeps it as a name. */
const token = () => `Zq${randomBytes(6).toString("hex").replace(/\d/g, (d) => "abcdefghij"[Number(d)]!)}ville`;

async function eraseRequest(user: TestUser, body: unknown) {
  const response = await erase(request("/api/data/erase", { user, body }));
  return { status: response.status, body: (await response.json()) as unknown };
}

describe("erase for good", () => {
  it("a memory, its chain, audit text, outbox, messages, title, recalls and episode: the token is nowhere in the database", async () => {
    const user = await createTestUser({ prefix: "erase" });
    const home = token();
    const next = token();
    const conversationId = randomUUID();
    // The first message titles the conversation; a correction makes a chain; the recall
    // question and a declined "forget" make answers and tool outputs that quote the memory;
    // enough turns make an episode summary of the conversation.
    await sendChat(user, conversationId, `I live in ${home}.`);
    await drain(user);
    await sendChat(user, conversationId, `Actually, I live in ${next} now.`);
    await drain(user);
    await sendChat(user, conversationId, "I work as a nurse.");
    await drain(user);
    await sendChat(user, conversationId, "What do you remember about me?");
    await sendChat(user, conversationId, `Forget that I live in ${next}`);
    await sendChat(user, conversationId, "no");
    for (const text of ["I love temples", "Thanks, that helps", "Any tips for Nara?", `Is ${next} nice in spring?`, "I prefer small guesthouses"]) {
      await sendChat(user, conversationId, text);
      await drain(user);
    }
    const other = await createTestUser({ prefix: "erase-bystander" });
    const bystanderConversation = randomUUID();
    await sendChat(other, bystanderConversation, "I work as a nurse.");
    await drain(other);

    const memories = await getDb().memoryItem.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    const current = memories.find((m) => m.content.includes(next) && m.status === "active");
    const old = memories.find((m) => m.content.includes(home));
    expect(old).toMatchObject({ status: "superseded", supersededBy: current!.id });
    expect(memories.some((m) => m.type === "episode")).toBe(true);
    expect((await findInDatabase(home)).length).toBeGreaterThan(0);
    expect((await findInDatabase(next)).length).toBeGreaterThan(0);
    const nurse = memories.find((m) => /nurse/.test(m.content))!;

    // The preview says what it covers and changes nothing.
    const preview = await eraseRequest(user, { scope: "memory", memoryId: current!.id, dryRun: true });
    expect(preview.status).toBe(200);
    expect(ErasurePreviewSchema.parse(preview.body).memories).toBe(2);
    expect(await getDb().memoryItem.count({ where: { userId: user.id } })).toBe(memories.length);

    const done = await eraseRequest(user, { scope: "memory", memoryId: current!.id });
    expect(done.status).toBe(200);
    const result = ErasureResultSchema.parse(done.body);
    expect(result.memoryIds).toEqual(expect.arrayContaining([current!.id, old!.id]));
    expect(result.counts).toMatchObject({ memories: 2, episodes: 1 });
    expect(result.counts.messages).toBeGreaterThan(0);
    expect(result.counts.titles).toBe(1);

    expect(await findInDatabase(home)).toEqual([]);
    expect(await findInDatabase(next)).toEqual([]);

    // What was not erased stays: the other memory, the bystander's data, the receipt.
    expect(await getDb().memoryItem.findUnique({ where: { id: nurse.id } })).toMatchObject({ status: "active" });
    expect(await getDb().memoryItem.count({ where: { userId: other.id, status: "active" } })).toBe(1);
    const conversation = await getDb().conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(conversation.title).toBe(ERASED_MARKER);
    const receipt = await getDb().memoryWriteEvent.findFirstOrThrow({ where: { userId: user.id, operation: "erase" } });
    expect(receipt.memoryItemId).toBeNull();
    expect(receipt.afterContent).toContain(current!.id);
    expect(receipt.afterContent).toContain(old!.id);
    const erasedMessages = await getDb().message.findMany({ where: { conversationId } });
    expect(erasedMessages.filter((m) => JSON.stringify(m.parts).includes(ERASED_MARKER)).length).toBe(result.counts.messages);

    // Idempotent: erasing it again finds nothing (404) and changes nothing.
    const again = await eraseRequest(user, { scope: "memory", memoryId: current!.id });
    expect(again.status).toBe(404);
    expect(await getDb().memoryWriteEvent.count({ where: { userId: user.id, operation: "erase" } })).toBe(1);
  });

  it("everything matching a search, and then all memories", async () => {
    const user = await createTestUser({ prefix: "erase-search" });
    const word = token();
    const conversationId = randomUUID();
    for (const text of [`I own a dog called ${word}.`, `My favourite cafe is ${word} Roasters.`, "I speak Dutch.", "I play the cello."]) {
      await sendChat(user, conversationId, text);
      await drain(user);
    }
    const before = await getDb().memoryItem.findMany({ where: { userId: user.id } });
    const matching = before.filter((m) => m.content.includes(word));
    expect(matching.length).toBe(2);

    const preview = ErasurePreviewSchema.parse((await eraseRequest(user, { scope: "search", query: word, dryRun: true })).body);
    expect(preview.memories).toBe(2);
    const result = ErasureResultSchema.parse((await eraseRequest(user, { scope: "search", query: word })).body);
    expect(result.memoryIds.sort()).toEqual(matching.map((m) => m.id).sort());
    expect(await findInDatabase(word)).toEqual([]);
    expect(await getDb().memoryItem.count({ where: { userId: user.id, content: { contains: "Dutch" } } })).toBe(1);

    const all = ErasureResultSchema.parse((await eraseRequest(user, { scope: "all" })).body);
    expect(all.counts.memories).toBe(before.length - 2);
    expect(await getDb().memoryItem.count({ where: { userId: user.id } })).toBe(0);
    expect(await getDb().memoryWriteJob.count({ where: { userId: user.id } })).toBe(0);
    const texts = await getDb().memoryWriteEvent.count({
      where: { userId: user.id, operation: { not: "erase" }, OR: [{ beforeContent: { not: null } }, { afterContent: { not: null } }] },
    });
    expect(texts).toBe(0);
    // A retry of "all" after it finished is a no-op.
    expect(ErasureResultSchema.parse((await eraseRequest(user, { scope: "all" })).body).counts.memories).toBe(0);
  });

  it("answers 400 for a bad scope and 401 without a session", async () => {
    const user = await createTestUser({ prefix: "erase-bad" });
    expect((await eraseRequest(user, { scope: "search", query: "x" })).status).toBe(400);
    expect((await eraseRequest(user, { scope: "memory", memoryId: "nope" })).status).toBe(400);
    expect((await eraseRequest(user, { scope: "everything" })).status).toBe(400);
    expect((await erase(request("/api/data/erase", { body: { scope: "all" } }))).status).toBe(401);
  });
});
