import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteAccountRoute } from "@/app/api/account/route";
import { POST as eraseRoute } from "@/app/api/data/erase/route";
import { GET as exportRoute } from "@/app/api/data/export/route";
import { POST as importRoute } from "@/app/api/data/import/route";
import { PATCH as patchMemory } from "@/app/api/memories/[id]/route";
import { getDb } from "@/lib/db/client";
import { drainMemoryWrites } from "@/lib/jobs/drain-memory-writes";
import { ExportFileSchema } from "@/lib/user-data/export-format";
import { ErasureResultSchema, ImportReportSchema } from "@/lib/user-data/schemas";
import { sendChat } from "@/tests/support/chat-client";
import { createTestUser, request, routeParams, type TestUser } from "@/tests/support/test-users";

// One user can never export, erase, edit, expire or import into another's data through the
// "Your data" routes, whatever ids or text they send, admins included: every route takes the
// user from the session, and another user's ids are not found.

let alice: TestUser;
let bob: TestUser;
let secretWord: string;
let aliceMemories: { id: string; content: string; status: string; supersededBy: string | null }[];
let aliceMessages: number;

const snapshot = async () => ({
  memories: await getDb().memoryItem.findMany({ where: { userId: alice.id }, select: { id: true, content: true, status: true, supersededBy: true, expiresAt: true } }),
  messages: await getDb().message.findMany({ where: { userId: alice.id }, select: { id: true, parts: true } }),
  conversations: await getDb().conversation.findMany({ where: { userId: alice.id }, select: { id: true, title: true } }),
  events: await getDb().memoryWriteEvent.count({ where: { userId: alice.id } }),
});

beforeAll(async () => {
  [alice, bob] = await Promise.all([createTestUser({ prefix: "iso-alice" }), createTestUser({ prefix: "iso-bob", role: "admin" })]);
  secretWord = `Xy${randomBytes(5).toString("hex").replace(/\d/g, (d) => "ghijklmnop"[Number(d)]!)}ford`;
  const chat = randomUUID();
  await sendChat(alice, chat, `I live in ${secretWord}.`);
  await drainMemoryWrites({ userId: alice.id, timeoutMs: 15_000 });
  await sendChat(alice, chat, "Actually, I live in Porto now.");
  await drainMemoryWrites({ userId: alice.id, timeoutMs: 15_000 });
  aliceMemories = await getDb().memoryItem.findMany({ where: { userId: alice.id }, select: { id: true, content: true, status: true, supersededBy: true } });
  aliceMessages = await getDb().message.count({ where: { userId: alice.id } });
  expect(aliceMemories.length).toBe(2);
}, 60_000);

describe("another user's data through the Your data routes", () => {
  it("export: Bob's file holds nothing of Alice's", async () => {
    const text = await (await exportRoute(request("/api/data/export", { user: bob }))).text();
    const file = ExportFileSchema.parse(JSON.parse(text));
    expect(file.account.id).toBe(bob.id);
    expect(text).not.toContain(secretWord);
    for (const m of aliceMemories) expect(text).not.toContain(m.id);
  });

  it("erase, preview, edit and expiry: Alice's ids are not found for Bob, and nothing of hers changes", async () => {
    const before = await snapshot();
    for (const m of aliceMemories) {
      for (const dryRun of [true, false]) {
        const response = await eraseRoute(request("/api/data/erase", { user: bob, body: { scope: "memory", memoryId: m.id, dryRun } }));
        expect(response.status).toBe(404);
      }
      const edit = await patchMemory(request(`/api/memories/${m.id}`, { user: bob, method: "PATCH", body: { content: "User lives nowhere" } }), routeParams({ id: m.id }));
      expect(edit.status).toBe(404);
      const expiry = await patchMemory(
        request(`/api/memories/${m.id}`, { user: bob, method: "PATCH", body: { expiresAt: new Date(Date.now() + 86_400_000).toISOString() } }),
        routeParams({ id: m.id }),
      );
      expect(expiry.status).toBe(404);
    }
    const search = ErasureResultSchema.parse(await (await eraseRoute(request("/api/data/erase", { user: bob, body: { scope: "search", query: secretWord } }))).json());
    expect(search.memoryIds).toEqual([]);
    const all = await eraseRoute(request("/api/data/erase", { user: bob, body: { scope: "all" } }));
    expect(all.status).toBe(200);
    // A body cannot name whose data: unknown keys are refused.
    const smuggled = await eraseRoute(request("/api/data/erase", { user: bob, body: { scope: "all", userId: alice.id } }));
    expect(smuggled.status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it("import: Alice's own file imported by Bob lands in Bob's account under new ids, never linked to hers", async () => {
    const aliceFile = await (await exportRoute(request("/api/data/export", { user: alice }))).text();
    const before = await snapshot();
    const response = await importRoute(
      new Request("http://localhost:3000/api/data/import", { method: "POST", headers: { cookie: bob.cookie, "content-type": "application/json" }, body: aliceFile }),
    );
    expect(response.status).toBe(200);
    const report = ImportReportSchema.parse(await response.json());
    expect(report.counts).toMatchObject({ created: 2, alreadyImported: 0 });
    const bobs = await getDb().memoryItem.findMany({ where: { userId: bob.id } });
    expect(bobs).toHaveLength(2);
    for (const m of bobs) {
      expect(aliceMemories.map((a) => a.id)).not.toContain(m.id);
      if (m.supersededBy) expect(bobs.map((b) => b.id)).toContain(m.supersededBy);
      if (m.sourceConversationId) expect((await getDb().conversation.findUniqueOrThrow({ where: { id: m.sourceConversationId } })).userId).toBe(bob.id);
      if (m.sourceMessageId) expect((await getDb().message.findUniqueOrThrow({ where: { id: m.sourceMessageId } })).userId).toBe(bob.id);
    }
    expect(await snapshot()).toEqual(before);
    expect(await getDb().message.count({ where: { userId: alice.id } })).toBe(aliceMessages);
  });

  it("account: Bob cannot delete Alice's account, not even with her email", async () => {
    const response = await deleteAccountRoute(request("/api/account", { user: bob, method: "DELETE", body: { confirmEmail: alice.email } }));
    expect(response.status).toBe(422);
    expect(await getDb().user.findUnique({ where: { id: alice.id } })).not.toBeNull();
    expect(await getDb().user.findUnique({ where: { id: bob.id } })).not.toBeNull();
  });
});
