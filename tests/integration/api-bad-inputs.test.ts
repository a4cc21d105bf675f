// Inputs that used to reach PostgreSQL and come back as 500s: each is now a 400 with a message
// naming what is wrong, and nothing is created or changed. Plus the boundary's normalisations
// (decimal-only numbers, lower-case uuids) and the sign-up name cap.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as activity } from "@/app/api/activity/route";
import { GET as activityStream } from "@/app/api/activity/stream/route";
import { GET as auditExport } from "@/app/api/admin/audit/export/route";
import { GET as audit } from "@/app/api/admin/audit/route";
import { GET as evals } from "@/app/api/admin/evals/route";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { POST as chat } from "@/app/api/chat/route";
import { PATCH as renameConversation } from "@/app/api/conversations/[id]/route";
import { POST as bulkDelete } from "@/app/api/memories/bulk-delete/route";
import { GET as memories } from "@/app/api/memories/route";
import { getDb } from "@/lib/db/client";
import { ErrorBodySchema } from "@/lib/errors";
import { createTestUser, request, routeParams, type TestUser } from "@/tests/support/test-users";
import { seedMemory } from "./inspector-seed";

let alice: TestUser;
let admin: TestUser;

beforeAll(async () => {
  [alice, admin] = await Promise.all([createTestUser({ prefix: "alice" }), createTestUser({ prefix: "admin", role: "admin" })]);
});

async function expect400(response: Response, message: RegExp) {
  expect(response.status).toBe(400);
  const { error } = ErrorBodySchema.parse(await response.json());
  expect(error.code).toBe("bad_request");
  expect(error.message).toMatch(message);
}

const chatBody = (id: string, text: string) => ({ id, message: { id: randomUUID(), role: "user", parts: [{ type: "text", text }] } });

describe("text PostgreSQL cannot store", () => {
  it("chat text with a NUL character: 400, no conversation", async () => {
    const id = randomUUID();
    await expect400(await chat(request("/api/chat", { user: alice, body: chatBody(id, "hi \u0000 there") })), /message\.parts\.0\.text: must not contain a NUL/);
    expect(await getDb().conversation.findUnique({ where: { id } })).toBeNull();
  });

  it("chat text with a lone surrogate: 400, and no empty conversation titled 'hi � there'", async () => {
    const id = randomUUID();
    const raw = JSON.stringify(chatBody(id, "hi \ud800 there"));
    expect(raw).toContain("\\ud800");
    await expect400(await chat(request("/api/chat", { user: alice, rawBody: raw })), /message\.parts\.0\.text: is not valid Unicode/);
    expect(await getDb().conversation.findUnique({ where: { id } })).toBeNull();
    expect(await getDb().conversation.count({ where: { userId: alice.id, title: { contains: "\ufffd" } } })).toBe(0);
  });

  it("a body that is not UTF-8: 400", async () => {
    const response = await chat(
      new Request("http://localhost:3000/api/chat", {
        method: "POST",
        headers: { cookie: alice.cookie, "content-type": "application/json" },
        body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
      }),
    );
    await expect400(response, /not valid UTF-8/);
  });

  it("a memory search with %00: 400", async () => {
    await expect400(await memories(request("/api/memories?q=veg%00etarian", { user: alice })), /q: must not contain a NUL/);
  });

  it("a conversation title with a NUL character: 400, the title unchanged", async () => {
    const id = randomUUID();
    await getDb().conversation.create({ data: { id, userId: alice.id, title: "Before" } });
    const response = await renameConversation(
      request(`/api/conversations/${id}`, { user: alice, method: "PATCH", body: { title: "a\u0000b" } }),
      routeParams({ id }),
    );
    await expect400(response, /title: must not contain a NUL/);
    expect((await getDb().conversation.findUniqueOrThrow({ where: { id } })).title).toBe("Before");
  });

  it("a sign-up name with a NUL character: 400, no account", async () => {
    const email = `nul-${randomUUID()}@test.local`;
    const response = await authPost(request("/api/auth/sign-up/email", { body: { email, password: "correct-horse-battery", name: "a\u0000b" } }));
    await expect400(response, /name: must not contain a NUL/);
    expect(await getDb().user.findUnique({ where: { email } })).toBeNull();
  });
});

describe("cursors beyond PostgreSQL's bigint", () => {
  const huge = "9999999999999999999";

  it("GET /api/activity?before=…: 400", async () => {
    await expect400(await activity(request(`/api/activity?before=${huge}`, { user: alice })), /before: must be a sequence number \(at most 9223372036854775807\)/);
    expect((await activity(request("/api/activity?before=9223372036854775807", { user: alice }))).status).toBe(200);
  });

  it("GET /api/admin/audit?cursor=…: 400", async () => {
    await expect400(await audit(request(`/api/admin/audit?cursor=${huge}`, { user: admin })), /cursor: must be a sequence number/);
  });

  it("a Last-Event-ID past bigint on the activity stream: 400 at once, not a stream that never delivers", async () => {
    const response = await activityStream(request("/api/activity/stream", { user: alice, headers: { "last-event-id": huge } }));
    await expect400(response, /Last-Event-ID: must be a sequence number/);
    await expect400(await activityStream(request(`/api/activity/stream?after=${huge}`, { user: alice })), /after: must be a sequence number/);
  });
});

describe("audit date filters", () => {
  for (const from of ["-010000-01-01T00:00:00Z", "+275760-09-13T00:00:00Z", "5", "2026-13-01", "2026-05-01T12:00"]) {
    it(`from=${from}: 400 from the list and from the CSV export, before any of the CSV is sent`, async () => {
      const q = `from=${encodeURIComponent(from)}`;
      await expect400(await audit(request(`/api/admin/audit?${q}`, { user: admin })), /from: must be an ISO date/);
      const response = await auditExport(request(`/api/admin/audit/export?${q}`, { user: admin }));
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      await expect400(response, /from: must be an ISO date/);
    });
  }

  it("a date, a date-time with an offset, and to= keep working", async () => {
    for (const q of ["from=2026-05-01", "from=2026-05-01T12:00:00Z", "from=2026-05-01T12:00:00%2B02:00", "to=2026-05-01"]) {
      expect((await audit(request(`/api/admin/audit?${q}`, { user: admin }))).status, q).toBe(200);
    }
    await expect400(await audit(request("/api/admin/audit?to=-010000-01-01", { user: admin })), /to: must be an ISO date/);
  });
});

describe("numbers and ids at the boundary", () => {
  it("page=0x10 (or 1e1, or ' 2') is refused, not read as 16; decimal digits work", async () => {
    for (const page of ["0x10", "1e1", "%202", "2.0", "-1"]) {
      expect((await memories(request(`/api/memories?page=${page}`, { user: alice }))).status, page).toBe(400);
    }
    const ok = await memories(request("/api/memories?page=16&pageSize=5", { user: alice }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ page: 16, pageSize: 5 });
    expect((await activity(request("/api/activity?limit=0x10", { user: alice }))).status).toBe(400);
    expect((await audit(request("/api/admin/audit?limit=1e1", { user: admin }))).status).toBe(400);
    expect((await evals(request("/api/admin/evals?limit=0x10", { user: admin }))).status).toBe(400);
  });

  it("bulk-delete with an upper-cased own id deletes it once and reports it once, in lower case", async () => {
    const memoryId = await seedMemory(alice.id, "I ride a red bicycle to work");
    const response = await bulkDelete(request("/api/memories/bulk-delete", { user: alice, body: { ids: [memoryId.toUpperCase(), memoryId] } }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ deleted: [memoryId], notFound: [] });
  });
});

describe("sign-up", () => {
  it("caps the name at 100 characters with a clear 400, and creates no account", async () => {
    const email = `long-${randomUUID()}@test.local`;
    const response = await authPost(request("/api/auth/sign-up/email", { body: { email, password: "correct-horse-battery", name: "n".repeat(101) } }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "INVALID_NAME", message: "Name is at most 100 characters." });
    expect(await getDb().user.findUnique({ where: { email } })).toBeNull();
    const fine = await authPost(request("/api/auth/sign-up/email", { body: { email, password: "correct-horse-battery", name: "n".repeat(100) } }));
    expect(fine.status).toBe(200);
  });

  it("an existing email is answered 422 USER_ALREADY_EXISTS (accepted: see README, Security)", async () => {
    const email = `dup-${randomUUID()}@test.local`;
    const body = { email, password: "correct-horse-battery", name: "Dup" };
    expect((await authPost(request("/api/auth/sign-up/email", { body }))).status).toBe(200);
    const again = await authPost(request("/api/auth/sign-up/email", { body }));
    expect(again.status).toBe(422);
    expect(await again.json()).toMatchObject({ code: "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL" });
  });
});
