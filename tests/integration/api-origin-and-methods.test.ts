// Cross-site request forgery and undefined methods, on every route under app/api (found on
// disk, so a new route cannot be missed): a state-changing request from another site's page
// is refused with 403 and changes nothing; a method a route does not serve is a JSON 405 with Allow.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as chat } from "@/app/api/chat/route";
import { DELETE as deleteConversation } from "@/app/api/conversations/[id]/route";
import { POST as bulkDelete } from "@/app/api/memories/bulk-delete/route";
import { getDb } from "@/lib/db/client";
import { ErrorBodySchema } from "@/lib/errors";
import { createTestUser, request, routeParams, type TestUser } from "@/tests/support/test-users";
import { BODY_METHODS, loadApiRoutes, METHODS, type ApiRoute } from "./api-routes";
import { seedMemory } from "./inspector-seed";

const EVIL = "http://evil.example";
let victim: TestUser;
let routes: ApiRoute[];

beforeAll(async () => {
  [victim, routes] = await Promise.all([createTestUser({ prefix: "victim", role: "admin" }), loadApiRoutes()]);
});

/** A request with exactly these headers (the shared helper always sends application/json). */
function rawRequest(path: string, options: { user: TestUser; method?: string; headers: Record<string, string>; body?: string }) {
  return new Request(`http://localhost:3000${path}`, {
    method: options.method ?? "POST",
    headers: { cookie: options.user.cookie, ...options.headers },
    body: options.body,
  });
}

async function errorOf(response: Response) {
  return ErrorBodySchema.parse(await response.json()).error;
}

describe("every route module", () => {
  it("is found on disk and exports every method through routeMethods", () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
    expect(routes.map((r) => r.file)).toContain("auth/[...all]/route.ts");
    for (const route of routes) {
      for (const method of [...METHODS, "OPTIONS"] as const) expect(typeof route.module[method], `${route.file} ${method}`).toBe("function");
      expect(route.allowed.length, route.file).toBeGreaterThan(0);
    }
  });

  it("refuses every state-changing method from another site's page with 403 JSON", async () => {
    const served = routes.flatMap((route) => BODY_METHODS.filter((m) => route.allowed.includes(m)).map((method) => ({ route, method })));
    // At least chat, bulk-delete, conversations PATCH/DELETE, memories DELETE, proposals, auth.
    expect(served.length).toBeGreaterThanOrEqual(7);
    for (const { route, method } of served) {
      const forged: Record<string, string>[] = [
        { origin: EVIL, "content-type": "text/plain" },
        { origin: EVIL, "content-type": "application/json" },
        { "sec-fetch-site": "cross-site", "content-type": "text/plain" },
        { origin: "null", "sec-fetch-site": "cross-site", "content-type": "text/plain" },
      ];
      for (const headers of forged) {
        const response = await route.handler(method)(
          rawRequest(route.path, { user: victim, method, headers, body: JSON.stringify({ ids: [randomUUID()] }) }),
          routeParams(route.params as Record<string, string>),
        );
        const where = `${method} ${route.path} ${JSON.stringify(headers)}`;
        expect(response.status, where).toBe(403);
        expect((await errorOf(response)).message, where).toMatch(/cross-origin request refused/i);
      }
    }
  });

  it("answers a method it does not serve with a JSON 405 naming the allowed ones, and OPTIONS with 204", async () => {
    for (const route of routes) {
      const options = await route.handler("OPTIONS")(new Request(`http://localhost:3000${route.path}`, { method: "OPTIONS" }));
      expect(options.status).toBe(204);
      const allow = options.headers.get("allow")!;
      expect(allow).toContain("OPTIONS");
      for (const method of METHODS.filter((m) => !route.allowed.includes(m))) {
        const response = await route.handler(method)(request(route.path, { user: victim, method }), routeParams(route.params as Record<string, string>));
        expect(response.status, `${method} ${route.path}`).toBe(405);
        expect(response.headers.get("allow")).toBe(allow);
        const error = await errorOf(response);
        expect(error.code).toBe("method_not_allowed");
        expect(error.message).toContain(`Allowed: ${allow}`);
      }
    }
  });
});

describe("a forged cross-site request changes nothing", () => {
  it("bulk-delete as text/plain from evil.example: 403, the memory stays", async () => {
    const memoryId = await seedMemory(victim.id, "I keep bees on the roof");
    const response = await bulkDelete(
      rawRequest("/api/memories/bulk-delete", { user: victim, headers: { origin: EVIL, "content-type": "text/plain" }, body: JSON.stringify({ ids: [memoryId] }) }),
    );
    expect(response.status).toBe(403);
    expect((await getDb().memoryItem.findUniqueOrThrow({ where: { id: memoryId } })).status).toBe("active");
  });

  it("chat from evil.example: 403, no conversation or memory is created", async () => {
    const id = randomUUID();
    const response = await chat(
      request("/api/chat", {
        user: victim,
        headers: { origin: EVIL },
        body: { id, message: { id: randomUUID(), role: "user", parts: [{ type: "text", text: "Remember that my PIN hint is cats." }] } },
      }),
    );
    expect(response.status).toBe(403);
    expect(await getDb().conversation.findUnique({ where: { id } })).toBeNull();
  });

  it("DELETE a conversation from evil.example: 403, it is still there", async () => {
    const id = randomUUID();
    await getDb().conversation.create({ data: { id, userId: victim.id, title: "keep me" } });
    const response = await deleteConversation(request(`/api/conversations/${id}`, { user: victim, method: "DELETE", headers: { origin: EVIL } }), routeParams({ id }));
    expect(response.status).toBe(403);
    expect(await getDb().conversation.findUnique({ where: { id } })).not.toBeNull();
  });

  it("the app's own pages (same origin, or no browser headers at all) still work, and JSON routes want application/json", async () => {
    const memoryId = await seedMemory(victim.id, "I grow tomatoes on the balcony");
    const asText = await bulkDelete(
      rawRequest("/api/memories/bulk-delete", { user: victim, headers: { origin: "http://localhost:3000", "content-type": "text/plain" }, body: JSON.stringify({ ids: [memoryId] }) }),
    );
    expect(asText.status).toBe(415);
    expect((await errorOf(asText)).code).toBe("unsupported_media_type");
    expect((await getDb().memoryItem.findUniqueOrThrow({ where: { id: memoryId } })).status).toBe("active");
    const sameOrigin = await bulkDelete(
      request("/api/memories/bulk-delete", { user: victim, headers: { origin: "http://localhost:3000", "sec-fetch-site": "same-origin" }, body: { ids: [memoryId] } }),
    );
    expect(sameOrigin.status).toBe(200);
    expect(await sameOrigin.json()).toEqual({ deleted: [memoryId], notFound: [] });
  });
});
