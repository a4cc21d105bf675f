import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listAudit } from "@/app/api/admin/audit/route";
import { GET as getAuditEvent } from "@/app/api/admin/audit/[id]/route";
import { GET as exportAudit } from "@/app/api/admin/audit/export/route";
import { AuditPageSchema } from "@/lib/memory/view-schemas";
import { createTestUser, request, routeParams, type TestUser } from "@/tests/support/test-users";
import { seedMemory, seedProposal } from "./inspector-seed";
import { deleteMemories } from "@/lib/memory/delete-memories";

let admin: TestUser;
let alice: TestUser;
let bob: TestUser;
let deletedId: string;
const deleteCorrelation = randomUUID();

beforeAll(async () => {
  [admin, alice, bob] = await Promise.all([
    createTestUser({ prefix: "admin", role: "admin" }),
    createTestUser({ prefix: "alice" }),
    createTestUser({ prefix: "bob" }),
  ]);
  await seedMemory(alice.id, "The user is allergic to peanuts");
  deletedId = await seedMemory(alice.id, "The user wants to learn Rust, \"soon\"\nmaybe");
  await seedProposal(alice.id, "=HYPERLINK(\"http://evil\")");
  await deleteMemories({ userId: alice.id, memoryIds: [deletedId], correlationId: deleteCorrelation });
  await seedMemory(bob.id, "Bob speaks Portuguese");
});

const page = async (path: string) => {
  const response = await listAudit(request(path, { user: admin }));
  expect(response.status, await response.clone().text()).toBe(200);
  return AuditPageSchema.parse(await response.json());
};

describe("admin audit API", () => {
  it("every admin API is 403 for a non-admin and 401 signed out", async () => {
    const id = randomUUID();
    expect((await listAudit(request("/api/admin/audit", { user: alice }))).status).toBe(403);
    expect((await getAuditEvent(request(`/api/admin/audit/${id}`, { user: alice }), routeParams({ id }))).status).toBe(403);
    expect((await exportAudit(request("/api/admin/audit/export", { user: alice }))).status).toBe(403);
    expect((await listAudit(request("/api/admin/audit"))).status).toBe(401);
  });

  it("filters by user (id or email) and operation", async () => {
    const byId = await page(`/api/admin/audit?user=${alice.id}`);
    expect(byId.items.map((e) => e.operation).sort()).toEqual(["create", "create", "delete", "propose"]);
    expect(byId.items.every((e) => e.userEmail === alice.email)).toBe(true);
    const byEmail = await page(`/api/admin/audit?user=${encodeURIComponent(alice.email.toUpperCase())}&operation=delete`);
    expect(byEmail.items).toHaveLength(1);
    expect(byEmail.items[0]).toMatchObject({ memoryItemId: deletedId, operation: "delete", extractionType: "user_action" });
    const nobody = await page("/api/admin/audit?user=nobody@nowhere.test");
    expect(nobody.items).toEqual([]);
    const byCorrelation = await page(`/api/admin/audit?correlationId=${deleteCorrelation}`);
    expect(byCorrelation.items.map((e) => e.memoryItemId)).toEqual([deletedId]);
    const implicit = await page(`/api/admin/audit?user=${alice.id}&extractionType=implicit`);
    expect(implicit.items.map((e) => e.operation)).toEqual(["propose"]);
  });

  it("pages with a keyset cursor and filters by date range", async () => {
    const first = await page(`/api/admin/audit?user=${alice.id}&limit=3`);
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toBe(first.items[2]!.seq);
    const rest = await page(`/api/admin/audit?user=${alice.id}&limit=3&cursor=${first.nextCursor}`);
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
    const today = new Date().toISOString().slice(0, 10);
    expect((await page(`/api/admin/audit?user=${alice.id}&from=${today}&to=${today}`)).items).toHaveLength(4);
    expect((await page(`/api/admin/audit?user=${alice.id}&to=2000-01-01`)).items).toHaveLength(0);
  });

  it("rejects bad filters with 400", async () => {
    for (const q of ["operation=explode", "correlationId=abc", "cursor=-1", "limit=0", "from=notadate", "to=notadate"]) {
      expect((await listAudit(request(`/api/admin/audit?${q}`, { user: admin }))).status, q).toBe(400);
    }
    expect((await exportAudit(request("/api/admin/audit/export?operation=nope", { user: admin }))).status).toBe(400);
    expect((await getAuditEvent(request("/api/admin/audit/x", { user: admin }), routeParams({ id: "x" }))).status).toBe(400);
  });

  it("shows any user's event with before/after; unknown ids are 404", async () => {
    const [event] = (await page(`/api/admin/audit?user=${alice.id}&operation=delete`)).items;
    const response = await getAuditEvent(request(`/api/admin/audit/${event!.id}`, { user: admin }), routeParams({ id: event!.id }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: event!.id, userEmail: alice.email, beforeContent: expect.stringContaining("Rust") });
    const unknown = randomUUID();
    expect((await getAuditEvent(request(`/api/admin/audit/${unknown}`, { user: admin }), routeParams({ id: unknown }))).status).toBe(404);
  });

  it("exports the filtered set as CSV with quoting and formula defusing", async () => {
    const response = await exportAudit(request(`/api/admin/audit/export?user=${alice.id}`, { user: admin }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/csv/);
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="audit-.*\.csv"/);
    const text = await response.text();
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toBe(
      "seq,id,created_at,user_id,user_email,operation,extraction_type,confidence,memory_item_id,before_content,after_content,correlation_id,processing_time_ms",
    );
    expect(text).toContain('"The user wants to learn Rust, ""soon""\nmaybe"');
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).not.toContain(bob.email);
    expect(text.match(/\r\n\d+,/g)).toHaveLength(4);
  });
});
