import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listConversations } from "@/app/api/conversations/route";
import { DELETE, GET, PATCH } from "@/app/api/conversations/[id]/route";
import { getDb } from "@/lib/db/client";
import { createTestUser, request, routeParams, type TestUser } from "@/tests/support/test-users";

let alice: TestUser;
let bob: TestUser;
let conversationId: string;

beforeAll(async () => {
  [alice, bob] = await Promise.all([createTestUser({ prefix: "alice" }), createTestUser({ prefix: "bob" })]);
  conversationId = randomUUID();
  await getDb().conversation.create({ data: { id: conversationId, userId: alice.id, title: "Alice's chat" } });
  await getDb().message.create({
    data: { conversationId, userId: alice.id, role: "user", parts: [{ type: "text", text: "I'm a vegetarian" }] },
  });
});

describe("conversations API", () => {
  it("needs a session", async () => {
    const response = await listConversations(request("/api/conversations"));
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("unauthorized");
  });

  it("lists only the user's own conversations", async () => {
    const mine = await (await listConversations(request("/api/conversations", { user: alice }))).json();
    const theirs = await (await listConversations(request("/api/conversations", { user: bob }))).json();
    expect(mine.conversations.map((c: { id: string }) => c.id)).toContain(conversationId);
    expect(theirs.conversations.map((c: { id: string }) => c.id)).not.toContain(conversationId);
  });

  it("returns a conversation with its messages to its owner", async () => {
    const response = await GET(request(`/api/conversations/${conversationId}`, { user: alice }), routeParams({ id: conversationId }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.conversation.title).toBe("Alice's chat");
    expect(body.messages[0].parts[0].text).toBe("I'm a vegetarian");
  });

  it("hides another user's conversation behind 404 for read, rename and delete", async () => {
    const params = routeParams({ id: conversationId });
    expect((await GET(request(`/api/conversations/${conversationId}`, { user: bob }), params)).status).toBe(404);
    const rename = await PATCH(request(`/api/conversations/${conversationId}`, { user: bob, method: "PATCH", body: { title: "pwned" } }), params);
    expect(rename.status).toBe(404);
    expect((await DELETE(request(`/api/conversations/${conversationId}`, { user: bob, method: "DELETE" }), params)).status).toBe(404);
    const row = await getDb().conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(row.title).toBe("Alice's chat");
  });

  it("rejects bad input with 400 and changes nothing", async () => {
    const bad = await GET(request("/api/conversations/not-a-uuid", { user: alice }), routeParams({ id: "not-a-uuid" }));
    expect(bad.status).toBe(400);
    const params = routeParams({ id: conversationId });
    const malformed = await PATCH(request(`/api/conversations/${conversationId}`, { user: alice, method: "PATCH", rawBody: "{nope" }), params);
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.message).toMatch(/not valid JSON/);
    const empty = await PATCH(request(`/api/conversations/${conversationId}`, { user: alice, method: "PATCH", body: { title: "  " } }), params);
    expect(empty.status).toBe(400);
    const huge = await PATCH(
      request(`/api/conversations/${conversationId}`, { user: alice, method: "PATCH", body: { title: "x".repeat(300_000) } }),
      params,
    );
    expect(huge.status).toBe(413);
    expect((await getDb().conversation.findUniqueOrThrow({ where: { id: conversationId } })).title).toBe("Alice's chat");
  });

  it("renames and deletes for the owner", async () => {
    const id = randomUUID();
    await getDb().conversation.create({ data: { id, userId: alice.id, title: "temp" } });
    const params = routeParams({ id });
    const renamed = await PATCH(request(`/api/conversations/${id}`, { user: alice, method: "PATCH", body: { title: "Renamed" } }), params);
    expect(renamed.status).toBe(200);
    expect((await getDb().conversation.findUniqueOrThrow({ where: { id } })).title).toBe("Renamed");
    expect((await DELETE(request(`/api/conversations/${id}`, { user: alice, method: "DELETE" }), params)).status).toBe(204);
    expect(await getDb().conversation.findUnique({ where: { id } })).toBeNull();
  });
});
