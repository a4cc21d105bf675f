import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listActivity } from "@/app/api/activity/route";
import { GET as getActivityEvent } from "@/app/api/activity/[id]/route";
import { GET as listMemories } from "@/app/api/memories/route";
import { DELETE as deleteMemory, GET as getMemory } from "@/app/api/memories/[id]/route";
import { POST as bulkDelete } from "@/app/api/memories/bulk-delete/route";
import { GET as listProposals } from "@/app/api/proposals/route";
import { GET as getProposal } from "@/app/api/proposals/[id]/route";
import { POST as confirmProposal } from "@/app/api/proposals/[id]/confirm/route";
import { POST as rejectProposal } from "@/app/api/proposals/[id]/reject/route";
import { MemoryDetailSchema, MemoryListPageSchema, ProposalStateSchema, ActivityPageSchema } from "@/lib/memory/view-schemas";
import { createTestUser, request, routeParams, type TestUser } from "@/tests/support/test-users";
import { seedConversation, seedMemory, seedProposal, seedSupersede } from "./inspector-seed";

let alice: TestUser;
let bob: TestUser;
let source: { conversationId: string; messageId: string };
let veg: string; // active, from a conversation
let coffee: string; // superseded by tea
let tea: string;

beforeAll(async () => {
  [alice, bob] = await Promise.all([createTestUser({ prefix: "alice" }), createTestUser({ prefix: "bob" })]);
  source = await seedConversation(alice.id, "I'm a vegetarian");
  veg = await seedMemory(alice.id, "The user is a vegetarian", { type: "preference", importance: 0.9, source });
  coffee = await seedMemory(alice.id, "The user drinks coffee every morning", { importance: 0.2 });
  tea = await seedSupersede(alice.id, coffee, "The user switched from coffee to green tea");
  await seedMemory(bob.id, "Bob lives in Lisbon");
});

const json = async (r: Response) => ({ status: r.status, body: await r.json() });

describe("GET /api/memories", () => {
  it("lists the user's active memories by default, newest first", async () => {
    const { status, body } = await json(await listMemories(request("/api/memories", { user: alice })));
    expect(status).toBe(200);
    const page = MemoryListPageSchema.parse(body);
    expect(page.items.map((m) => m.id)).toEqual([tea, veg]);
    expect(page.total).toBe(2);
  });

  it("filters by status and type, sorts by importance, paginates", async () => {
    const all = MemoryListPageSchema.parse(
      (await json(await listMemories(request("/api/memories?statuses=active,superseded&sort=importance&pageSize=2&page=1", { user: alice })))).body,
    );
    expect(all.total).toBe(3);
    expect(all.items.map((m) => m.id)).toEqual([veg, tea]);
    const page2 = MemoryListPageSchema.parse(
      (await json(await listMemories(request("/api/memories?statuses=active,superseded&sort=importance&pageSize=2&page=2", { user: alice })))).body,
    );
    expect(page2.items.map((m) => m.id)).toEqual([coffee]);
    const prefs = MemoryListPageSchema.parse((await json(await listMemories(request("/api/memories?types=preference", { user: alice })))).body);
    expect(prefs.items.map((m) => m.id)).toEqual([veg]);
  });

  it("searches with hybrid search and never returns another user's memories", async () => {
    const mine = MemoryListPageSchema.parse((await json(await listMemories(request("/api/memories?q=vegetarian", { user: alice })))).body);
    expect(mine.items[0]?.id).toBe(veg);
    const theirs = MemoryListPageSchema.parse((await json(await listMemories(request("/api/memories?q=vegetarian", { user: bob })))).body);
    expect(theirs.items.map((m) => m.id)).not.toContain(veg);
    const bobAll = MemoryListPageSchema.parse(
      (await json(await listMemories(request("/api/memories?statuses=active,superseded,deleted,pending,rejected", { user: bob })))).body,
    );
    expect(bobAll.items.length).toBeGreaterThan(0);
    expect(bobAll.items.every((m) => ![veg, tea, coffee].includes(m.id))).toBe(true);
  });

  it("rejects bad filters with 400 and needs a session", async () => {
    expect((await listMemories(request("/api/memories?statuses=bogus", { user: alice }))).status).toBe(400);
    expect((await listMemories(request("/api/memories?sort=random", { user: alice }))).status).toBe(400);
    expect((await listMemories(request("/api/memories?pageSize=1000", { user: alice }))).status).toBe(400);
    expect((await listMemories(request("/api/memories"))).status).toBe(401);
  });
});

describe("GET /api/memories/:id", () => {
  it("shows source, chain both ways and audit history", async () => {
    const { status, body } = await json(await getMemory(request(`/api/memories/${veg}`, { user: alice }), routeParams({ id: veg })));
    expect(status).toBe(200);
    const detail = MemoryDetailSchema.parse(body);
    expect(detail.source).toMatchObject({ conversationId: source.conversationId, messageId: source.messageId, messageText: "I'm a vegetarian" });
    expect(detail.history.map((e) => e.operation)).toEqual(["create"]);

    const old = MemoryDetailSchema.parse((await json(await getMemory(request(`/api/memories/${coffee}`, { user: alice }), routeParams({ id: coffee })))).body);
    expect(old.memory.status).toBe("superseded");
    expect(old.successors.map((l) => l.id)).toEqual([tea]);
    expect(old.history.map((e) => e.operation)).toEqual(["create", "supersede"]);
    const newer = MemoryDetailSchema.parse((await json(await getMemory(request(`/api/memories/${tea}`, { user: alice }), routeParams({ id: tea })))).body);
    expect(newer.predecessors.map((l) => l.id)).toEqual([coffee]);
    expect(newer.successors).toEqual([]);
  });

  it("is 404 for another user's memory or an unknown id, 400 for a non-uuid", async () => {
    expect((await getMemory(request(`/api/memories/${veg}`, { user: bob }), routeParams({ id: veg }))).status).toBe(404);
    const unknown = randomUUID();
    expect((await getMemory(request(`/api/memories/${unknown}`, { user: alice }), routeParams({ id: unknown }))).status).toBe(404);
    const bad = await json(await getMemory(request("/api/memories/nope", { user: alice }), routeParams({ id: "nope" })));
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("bad_request");
  });
});

describe("deleting memories", () => {
  it("soft-deletes one memory with an audit row; another user gets 404 and changes nothing", async () => {
    const id = await seedMemory(alice.id, "The user has a cat named Miso");
    expect((await deleteMemory(request(`/api/memories/${id}`, { user: bob, method: "DELETE" }), routeParams({ id }))).status).toBe(404);
    const ok = await json(await deleteMemory(request(`/api/memories/${id}`, { user: alice, method: "DELETE" }), routeParams({ id })));
    expect(ok).toEqual({ status: 200, body: { deleted: id } });
    const again = await deleteMemory(request(`/api/memories/${id}`, { user: alice, method: "DELETE" }), routeParams({ id }));
    expect(again.status).toBe(404);
    const detail = MemoryDetailSchema.parse((await json(await getMemory(request(`/api/memories/${id}`, { user: alice }), routeParams({ id })))).body);
    expect(detail.memory.status).toBe("deleted");
    expect(detail.history.map((e) => e.operation)).toEqual(["create", "delete"]);
    expect(detail.history[1]?.beforeContent).toBe("The user has a cat named Miso");
  });

  it("bulk-deletes the user's own ids and reports the rest as notFound", async () => {
    const a = await seedMemory(alice.id, "The user plays the cello");
    const b = await seedMemory(alice.id, "The user runs marathons");
    const bobs = await seedMemory(bob.id, "Bob collects stamps");
    const { status, body } = await json(await bulkDelete(request("/api/memories/bulk-delete", { user: alice, body: { ids: [a, b, bobs] } })));
    expect(status).toBe(200);
    expect(new Set(body.deleted)).toEqual(new Set([a, b]));
    expect(body.notFound).toEqual([bobs]);
    const bobMem = MemoryDetailSchema.parse((await json(await getMemory(request(`/api/memories/${bobs}`, { user: bob }), routeParams({ id: bobs })))).body);
    expect(bobMem.memory.status).toBe("active");
  });

  it("rejects a bad bulk body with 400", async () => {
    expect((await bulkDelete(request("/api/memories/bulk-delete", { user: alice, body: { ids: ["x"] } }))).status).toBe(400);
    expect((await bulkDelete(request("/api/memories/bulk-delete", { user: alice, body: { ids: [] } }))).status).toBe(400);
    expect((await bulkDelete(request("/api/memories/bulk-delete", { user: alice, rawBody: "{" }))).status).toBe(400);
  });
});

describe("proposals", () => {
  it("lists pending proposals; confirm activates once, then 409; the state reads the same afterwards", async () => {
    const id = await seedProposal(alice.id, "The user likes jazz");
    const list = await json(await listProposals(request("/api/proposals", { user: alice })));
    expect(list.body.items.map((m: { id: string }) => m.id)).toContain(id);
    expect(list.body.count).toBeGreaterThanOrEqual(1);
    expect((await json(await listProposals(request("/api/proposals", { user: bob })))).body.items.map((m: { id: string }) => m.id)).not.toContain(id);

    const before = ProposalStateSchema.parse((await json(await getProposal(request(`/api/proposals/${id}`, { user: alice }), routeParams({ id })))).body);
    expect(before).toEqual({ id, status: "pending", memoryId: null, outcome: null });

    const decided = await json(await confirmProposal(request(`/api/proposals/${id}/confirm`, { user: alice, method: "POST" }), routeParams({ id })));
    expect(decided.status).toBe(200);
    expect(ProposalStateSchema.parse(decided.body)).toEqual({ id, status: "active", memoryId: id, outcome: "created" });

    const twice = await json(await rejectProposal(request(`/api/proposals/${id}/reject`, { user: alice, method: "POST" }), routeParams({ id })));
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("conflict");
    const after = ProposalStateSchema.parse((await json(await getProposal(request(`/api/proposals/${id}`, { user: alice }), routeParams({ id })))).body);
    expect(after.status).toBe("active");
  });

  it("reject is audited and final", async () => {
    const id = await seedProposal(alice.id, "The user enjoys horror films");
    const decided = await json(await rejectProposal(request(`/api/proposals/${id}/reject`, { user: alice, method: "POST" }), routeParams({ id })));
    expect(decided.body).toEqual({ id, status: "rejected", memoryId: null, outcome: "discarded" });
    const again = await confirmProposal(request(`/api/proposals/${id}/confirm`, { user: alice, method: "POST" }), routeParams({ id }));
    expect(again.status).toBe(409);
    const detail = MemoryDetailSchema.parse((await json(await getMemory(request(`/api/memories/${id}`, { user: alice }), routeParams({ id })))).body);
    expect(detail.history.map((e) => e.operation)).toEqual(["propose", "reject"]);
  });

  it("another user's proposal is 404 for read, confirm and reject; bad ids are 400; plain memories are not proposals", async () => {
    const id = await seedProposal(alice.id, "The user collects vinyl records");
    const params = routeParams({ id });
    expect((await getProposal(request(`/api/proposals/${id}`, { user: bob }), params)).status).toBe(404);
    expect((await confirmProposal(request(`/api/proposals/${id}/confirm`, { user: bob, method: "POST" }), params)).status).toBe(404);
    expect((await rejectProposal(request(`/api/proposals/${id}/reject`, { user: bob, method: "POST" }), params)).status).toBe(404);
    expect((await getProposal(request(`/api/proposals/${id}`, { user: alice }), params)).status).toBe(200);
    expect((await getProposal(request("/api/proposals/1", { user: alice }), routeParams({ id: "1" }))).status).toBe(400);
    expect((await confirmProposal(request("/api/proposals/1/confirm", { user: alice, method: "POST" }), routeParams({ id: "1" }))).status).toBe(400);
    expect((await getProposal(request(`/api/proposals/${veg}`, { user: alice }), routeParams({ id: veg }))).status).toBe(404);
    expect((await confirmProposal(request(`/api/proposals/${veg}/confirm`, { user: alice, method: "POST" }), routeParams({ id: veg }))).status).toBe(404);
  });
});

describe("activity", () => {
  it("lists the user's own events newest first with a keyset cursor", async () => {
    const first = ActivityPageSchema.parse((await json(await listActivity(request("/api/activity?limit=2", { user: alice })))).body);
    expect(first.items).toHaveLength(2);
    expect(first.items.every((e) => e.userId === alice.id)).toBe(true);
    expect(BigInt(first.items[0]!.seq)).toBeGreaterThan(BigInt(first.items[1]!.seq));
    expect(first.nextCursor).toBe(first.items[1]!.seq);
    const second = ActivityPageSchema.parse((await json(await listActivity(request(`/api/activity?limit=2&before=${first.nextCursor}`, { user: alice })))).body);
    expect(BigInt(second.items[0]!.seq)).toBeLessThan(BigInt(first.nextCursor!));
    const bobs = ActivityPageSchema.parse((await json(await listActivity(request("/api/activity?limit=200", { user: bob })))).body);
    expect(bobs.items.length).toBeGreaterThan(0); // bob's own seeded write, so the check below is not vacuous
    expect(bobs.items.every((e) => e.userId === bob.id)).toBe(true);
    expect((await listActivity(request("/api/activity?before=abc", { user: alice }))).status).toBe(400);
  });

  it("shows one event to its owner only", async () => {
    const [event] = ActivityPageSchema.parse((await json(await listActivity(request("/api/activity?limit=1", { user: alice })))).body).items;
    const params = routeParams({ id: event!.id });
    expect((await getActivityEvent(request(`/api/activity/${event!.id}`, { user: alice }), params)).status).toBe(200);
    expect((await getActivityEvent(request(`/api/activity/${event!.id}`, { user: bob }), params)).status).toBe(404);
    expect((await getActivityEvent(request("/api/activity/zzz", { user: alice }), routeParams({ id: "zzz" }))).status).toBe(400);
  });
});
