import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/data/export/route";
import { POST as importRoute } from "@/app/api/data/import/route";
import { PATCH as patchMemory } from "@/app/api/memories/[id]/route";
import { getDb } from "@/lib/db/client";
import { ErrorBodySchema } from "@/lib/errors";
import { drainMemoryWrites } from "@/lib/jobs/drain-memory-writes";
import { getMemoryDetail } from "@/lib/memory/get-memory-detail";
import { ExportFileSchema, type ExportFile } from "@/lib/user-data/export-format";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ITEMS } from "@/lib/user-data/import-limits";
import { importedId } from "@/lib/user-data/imported-id";
import { ImportReportSchema, type ImportReport } from "@/lib/user-data/schemas";
import { sendChat } from "@/tests/support/chat-client";
import { createTestUser, request, routeParams, type TestUser } from "@/tests/support/test-users";

// Export → import through the real routes: the file is the documented format (parsed with the
// schema docs/mnemo-export.schema.json is generated from), a round trip into a new account
// keeps chains, counts, statuses, timestamps, expiry and provenance, the dry run reports what
// the real run does, a second import creates nothing, and a bad file is a 4xx that writes nothing.

const drain = (user: TestUser) => drainMemoryWrites({ userId: user.id, timeoutMs: 20_000 });

async function exportOf(user: TestUser): Promise<{ text: string; file: ExportFile; response: Response }> {
  const response = await exportRoute(request("/api/data/export", { user }));
  const text = await response.text();
  return { text, file: ExportFileSchema.parse(JSON.parse(text)), response };
}

function uploadRequest(user: TestUser, body: BodyInit, contentType: string, dryRun = false) {
  return new Request(`http://localhost:3000/api/data/import${dryRun ? "?dryRun=1" : ""}`, {
    method: "POST",
    headers: { cookie: user.cookie, "content-type": contentType },
    body,
  });
}

async function importFile(user: TestUser, body: string, options: { contentType?: string; dryRun?: boolean } = {}) {
  const response = await importRoute(uploadRequest(user, body, options.contentType ?? "application/json", options.dryRun));
  const json = (await response.json()) as unknown;
  return { status: response.status, json };
}

async function imported(user: TestUser, body: string, options: { contentType?: string; dryRun?: boolean } = {}): Promise<ImportReport> {
  const { status, json } = await importFile(user, body, options);
  expect(status, JSON.stringify(json)).toBe(200);
  return ImportReportSchema.parse(json);
}

/** Everything an import could write for the user, counted. */
async function footprint(userId: string) {
  const db = getDb();
  const [memories, events, conversations, messages] = await Promise.all([
    db.memoryItem.count({ where: { userId } }),
    db.memoryWriteEvent.count({ where: { userId } }),
    db.conversation.count({ where: { userId } }),
    db.message.count({ where: { userId } }),
  ]);
  return { memories, events, conversations, messages };
}

let alice: TestUser;
let exported: { text: string; file: ExportFile };

beforeAll(async () => {
  alice = await createTestUser({ prefix: "export" });
  const chat = randomUUID();
  await sendChat(alice, chat, "I prefer TypeScript for backend work.");
  await drain(alice);
  await sendChat(alice, chat, "Actually, I prefer Python over TypeScript.");
  await drain(alice);
  await sendChat(alice, chat, "I'm a vegetarian. I live in Berlin.");
  await drain(alice);
  await sendChat(alice, chat, "Forget that I'm a vegetarian");
  await sendChat(alice, chat, "yes");
  await drain(alice);
  await sendChat(alice, randomUUID(), "I think I might be allergic to cats.");
  await drain(alice);
  const berlin = await getDb().memoryItem.findFirstOrThrow({ where: { userId: alice.id, content: { contains: "Berlin" }, status: "active" } });
  const expiresAt = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
  const patched = await patchMemory(request(`/api/memories/${berlin.id}`, { user: alice, method: "PATCH", body: { expiresAt } }), routeParams({ id: berlin.id }));
  expect(patched.status).toBe(200);
  exported = await exportOf(alice);
}, 120_000);

describe("export", () => {
  it("streams the documented file: every memory in every status, with chains, provenance, expiry and history", async () => {
    const { response } = await exportOf(alice);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="mnemo-export-\d{4}-\d{2}-\d{2}\.json"$/);
    const { file } = exported;
    expect(file).toMatchObject({ format: "mnemo-export", version: 1, account: { id: alice.id, email: alice.email } });
    const rows = await getDb().memoryItem.findMany({ where: { userId: alice.id } });
    expect(file.memories.map((m) => m.id).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(new Set(file.memories.map((m) => m.status))).toEqual(new Set(["active", "superseded", "deleted", "pending"]));
    const python = file.memories.find((m) => m.content.includes("Python"))!;
    const typescript = file.memories.find((m) => m.content.includes("TypeScript for backend"))!;
    expect(typescript).toMatchObject({ status: "superseded", supersededBy: python.id });
    expect(typescript.history.map((e) => e.operation)).toEqual(["create", "supersede"]);
    expect(typescript.source).toMatchObject({ conversationTitle: expect.stringContaining("TypeScript"), messageText: "I prefer TypeScript for backend work." });
    const berlin = file.memories.find((m) => m.content.includes("Berlin"))!;
    expect(berlin.expiresAt).not.toBeNull();
    expect(berlin.history.map((e) => e.operation)).toEqual(["create", "expire"]);
    expect(file.conversations).toHaveLength(2);
    expect(file.conversations.flatMap((c) => c.messages).some((m) => m.text === "Forget that I'm a vegetarian")).toBe(true);
  });

  it("pages through a large account without building it in memory (keyset pages, one per read)", async () => {
    const user = await createTestUser({ prefix: "export-large" });
    // Plain rows (not the write path): this is about paging, not writing.
    const base = Date.now() - 10_000_000;
    await getDb().memoryItem.createMany({
      data: Array.from({ length: 450 }, (_, i) => ({ userId: user.id, content: `User note number ${i}`, type: "note", createdAt: new Date(base + (i % 7) * 1000) })),
    });
    const response = await exportRoute(request("/api/data/export", { user }));
    const reader = response.body!.getReader();
    const chunks: string[] = [];
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(decoder.decode(value, { stream: true }));
    }
    // The head, three memory pages (200 + 200 + 50), the conversation and event sections.
    expect(chunks.length).toBeGreaterThanOrEqual(5);
    const file = ExportFileSchema.parse(JSON.parse(chunks.join("")));
    expect(new Set(file.memories.map((m) => m.id)).size).toBe(450);
  });
});

describe("import", () => {
  it("round trip into a new account keeps chains, counts, statuses, timestamps, expiry and provenance; the dry run matches; a re-import creates nothing", async () => {
    const bob = await createTestUser({ prefix: "import" });
    const dry = await imported(bob, exported.text, { dryRun: true });
    expect(await footprint(bob.id)).toEqual({ memories: 0, events: 0, conversations: 0, messages: 0 });
    const real = await imported(bob, exported.text);
    expect({ ...dry, dryRun: false }).toEqual(real);
    expect(real.counts).toMatchObject({ total: exported.file.memories.length, created: exported.file.memories.length, refused: 0, duplicate: 0 });

    const mine = await getDb().memoryItem.findMany({ where: { userId: bob.id } });
    expect(mine).toHaveLength(exported.file.memories.length);
    const byContent = (rows: typeof mine, text: string) => rows.find((r) => r.content.includes(text))!;
    for (const original of exported.file.memories) {
      const copy = mine.find((m) => m.content === original.content && m.status === original.status)!;
      expect(copy, original.content).toBeDefined();
      expect(copy.id).not.toBe(original.id);
      expect(copy.createdAt.toISOString()).toBe(original.createdAt);
      expect(copy.expiresAt?.toISOString() ?? null).toBe(original.expiresAt);
      expect({ type: copy.type, confidence: copy.confidence, importance: copy.importance }).toEqual({
        type: original.type,
        confidence: original.confidence,
        importance: original.importance,
      });
    }
    expect(byContent(mine, "TypeScript for backend").supersededBy).toBe(byContent(mine, "Python").id);

    const detail = await getMemoryDetail({ userId: bob.id, memoryId: byContent(mine, "TypeScript for backend").id });
    const originalSource = exported.file.memories.find((m) => m.content.includes("TypeScript for backend"))!.source!;
    expect(detail.source).toMatchObject({ conversationTitle: originalSource.conversationTitle, messageText: originalSource.messageText });
    expect(detail.successors.map((s) => s.content)).toEqual([expect.stringContaining("Python")]);
    expect(detail.history).toEqual([expect.objectContaining({ operation: "create", extractionType: "import" })]);

    const after = await footprint(bob.id);
    const again = await imported(bob, exported.text);
    expect(again.counts).toMatchObject({ created: 0, alreadyImported: exported.file.memories.length, conversations: 0, messages: 0 });
    expect(await footprint(bob.id)).toEqual(after);
  });

  it("its own export back into the same account is already there", async () => {
    const before = await footprint(alice.id);
    const report = await imported(alice, exported.text);
    expect(report.counts).toMatchObject({ created: 0, alreadyImported: exported.file.memories.length });
    expect(await footprint(alice.id)).toEqual(before);
  });

  it("plain statements and mem0's export pass the write policy and the duplicate check, and say why", async () => {
    const carol = await createTestUser({ prefix: "import-text" });
    const lines = ["I'm a vegetarian", "- preference: tea over coffee", "I'm a vegetarian", "my password is hunter2-Secret!", "I live in Porto"].join("\n");
    const dry = await imported(carol, lines, { contentType: "text/plain", dryRun: true });
    const real = await imported(carol, lines, { contentType: "text/plain" });
    expect({ ...dry, dryRun: false }).toEqual(real);
    expect(real.items.map((i) => [i.outcome, i.reason])).toEqual([
      ["created", null],
      ["created", null],
      ["duplicate", "repeated_in_file"],
      ["refused", "secret"],
      ["created", null],
    ]);
    expect(real.items[3]!.preview).not.toContain("hunter2");
    const refusal = await getDb().memoryWriteEvent.findFirstOrThrow({ where: { userId: carol.id, operation: "refuse" } });
    expect(refusal).toMatchObject({ extractionType: "import", reason: "secret" });
    expect(refusal.afterContent).not.toContain("hunter2");

    const mem0 = {
      results: [
        { id: "a1", memory: "Is a vegetarian", created_at: "2024-07-20T10:00:00.123456-07:00", updated_at: null, metadata: null, categories: ["food_preferences"] },
        { id: "a2", memory: "Works as a ceramicist", created_at: "2024-07-21T10:00:00Z", hash: "x", user_id: "carol" },
      ],
    };
    const report = await imported(carol, JSON.stringify(mem0));
    expect(report.format).toBe("mem0");
    expect(report.items.map((i) => i.outcome)).toEqual(["duplicate", "created"]);
    const ceramicist = await getDb().memoryItem.findFirstOrThrow({ where: { userId: carol.id, content: "Works as a ceramicist" } });
    expect(ceramicist.createdAt.toISOString()).toBe("2024-07-21T10:00:00.000Z");
    const events = await getDb().memoryWriteEvent.findMany({ where: { userId: carol.id, operation: "create" } });
    expect(events.every((e) => e.extractionType === "import")).toBe(true);
  });

  it("a bad file is a 4xx naming what is wrong, and nothing is written", async () => {
    const dave = await createTestUser({ prefix: "import-bad" });
    const valid = exported.file;
    const memory = valid.memories[0]!;
    const cases: { name: string; body: string; contentType?: string; status: number; message: RegExp }[] = [
      { name: "wrong version", body: JSON.stringify({ ...valid, version: 2 }), status: 422, message: /Unsupported mnemo-export version 2/ },
      { name: "malformed JSON", body: exported.text.slice(0, 200), status: 400, message: /The file is not valid JSON/ },
      { name: "a field of the wrong type", body: JSON.stringify({ ...valid, memories: [{ ...memory, confidence: "high" }] }), status: 400, message: /memories\.0\.confidence/ },
      { name: "an unknown status", body: JSON.stringify({ ...valid, memories: [{ ...memory, status: "archived" }] }), status: 400, message: /memories\.0\.status/ },
      { name: "too many items", body: Array.from({ length: IMPORT_MAX_ITEMS + 1 }, (_, i) => `I own ${i} books`).join("\n"), contentType: "text/plain", status: 422, message: /at most 5,000/ },
      { name: "not a known shape", body: JSON.stringify({ hello: "world" }), status: 422, message: /Unrecognised file/ },
      { name: "empty", body: "   ", contentType: "text/plain", status: 422, message: /empty/ },
      { name: "a form upload", body: "x", contentType: "multipart/form-data; boundary=x", status: 415, message: /application\/json/ },
    ];
    for (const c of cases) {
      for (const dryRun of [true, false]) {
        const { status, json } = await importFile(dave, c.body, { contentType: c.contentType, dryRun });
        expect(status, c.name).toBe(c.status);
        expect(ErrorBodySchema.parse(json).error.message, c.name).toMatch(c.message);
      }
    }
    // Over the size limit: cut as it streams (413), before the file is read whole.
    const big = `${"I own a book\n".repeat(Math.ceil((IMPORT_MAX_BYTES + 1024) / 13))}`;
    const tooLarge = await importRoute(uploadRequest(dave, big, "text/plain"));
    expect(tooLarge.status).toBe(413);
    expect(ErrorBodySchema.parse(await tooLarge.json()).error.message).toMatch(new RegExp(`larger than ${IMPORT_MAX_BYTES} bytes`));
    expect(await footprint(dave.id)).toEqual({ memories: 0, events: 0, conversations: 0, messages: 0 });
  });

  it("is all or nothing: a failure part-way through writes nothing", async () => {
    const erin = await createTestUser({ prefix: "import-atomic" });
    // The last memory's conversation would be recreated under an id another account's
    // conversation already has (as if two ids collided): the import fails on it, after the
    // memories before it were inserted in the same transaction.
    const withSource = exported.file.memories.filter((m) => m.source);
    const last = withSource.at(-1)!;
    expect(withSource[0]!.source!.conversationId).not.toBe(last.source!.conversationId);
    const stranger = await createTestUser({ prefix: "import-stranger" });
    const taken = importedId({ userId: erin.id, key: `conversation:${last.source!.conversationId}` });
    await getDb().conversation.create({ data: { id: taken, userId: stranger.id, title: "someone else's" } });
    const { status } = await importFile(erin, exported.text);
    expect(status).toBe(500);
    expect(await footprint(erin.id)).toEqual({ memories: 0, events: 0, conversations: 0, messages: 0 });
  });
});
