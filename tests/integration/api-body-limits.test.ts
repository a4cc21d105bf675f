// Request bodies are limited while they stream, on every route that takes one (auth included):
// a declared Content-Length over the limit is refused before a byte is read, and a chunked body
// without one is cut as soon as it passes the limit; the rest is never pulled from the client,
// and the 413 (JSON) closes the connection so the upload stops.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { POST as chat } from "@/app/api/chat/route";
import { getDb } from "@/lib/db/client";
import { ErrorBodySchema } from "@/lib/errors";
import { createTestUser, routeParams, type TestUser } from "@/tests/support/test-users";
import { BODY_METHODS, loadApiRoutes, type ApiRoute } from "./api-routes";

const API_LIMIT = 256 * 1024;
const AUTH_LIMIT = 16 * 1024;
/** The one upload route's own, larger limit (lib/user-data/import-limits.ts). */
const UPLOAD_LIMITS: Record<string, number> = { "data/import/route.ts": 5 * 1024 * 1024 };
const CHUNK = 16 * 1024;
let user: TestUser;
let routes: ApiRoute[];

beforeAll(async () => {
  [user, routes] = await Promise.all([createTestUser({ prefix: "upload", role: "admin" }), loadApiRoutes()]);
});

/**
 * A streamed (chunked, no Content-Length) body of `total` bytes that counts what the server
 * pulls: a JSON prefix, then filler.
 */
function countingBody(total: number) {
  const counter = { pulled: 0 };
  const prefix = new TextEncoder().encode('{"text":"');
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) return controller.close();
      const chunk = counter.pulled === 0 ? prefix : new Uint8Array(CHUNK).fill(0x61);
      counter.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, counter };
}

function streamedRequest(path: string, method: string, body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return new Request(`http://localhost:3000${path}`, {
    method,
    headers: { cookie: user.cookie, "content-type": "application/json", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
}

async function expect413(response: Response) {
  expect(response.status).toBe(413);
  expect(response.headers.get("connection")).toBe("close");
  expect(ErrorBodySchema.parse(await response.json()).error.code).toBe("payload_too_large");
}

describe("streaming body limits", () => {
  it("a chunked 50 MB chat body without Content-Length is cut at the limit, and nothing is saved", async () => {
    const before = await getDb().conversation.count({ where: { userId: user.id } });
    const { stream, counter } = countingBody(50 * 1024 * 1024);
    const response = await chat(streamedRequest("/api/chat", "POST", stream));
    await expect413(response);
    // Read up to the limit plus at most the chunk in flight and the stream's one-chunk read-ahead.
    expect(counter.pulled).toBeLessThanOrEqual(API_LIMIT + 3 * CHUNK);
    expect(await getDb().conversation.count({ where: { userId: user.id } })).toBe(before);
  });

  it("a declared Content-Length over the limit is refused before any of the body is read", async () => {
    const { stream, counter } = countingBody(50 * 1024 * 1024);
    const response = await chat(streamedRequest("/api/chat", "POST", stream, { "content-length": String(50 * 1024 * 1024) }));
    await expect413(response);
    expect(counter.pulled).toBeLessThanOrEqual(2 * CHUNK);
  });

  it("sign-in (better-auth) reads at most 16 KiB of a chunked 50 MB body", async () => {
    const { stream, counter } = countingBody(50 * 1024 * 1024);
    const response = await authPost(streamedRequest("/api/auth/sign-in/email", "POST", stream), routeParams({ all: "sign-in" }));
    await expect413(response);
    expect(counter.pulled).toBeLessThanOrEqual(AUTH_LIMIT + 3 * CHUNK);
  });

  it("holds on every state-changing method of every route, whether it takes a body or not", async () => {
    const served = routes.flatMap((route) => BODY_METHODS.filter((m) => route.allowed.includes(m)).map((method) => ({ route, method })));
    expect(served.length).toBeGreaterThanOrEqual(7);
    for (const { route, method } of served) {
      const limit = route.file.startsWith("auth/") ? AUTH_LIMIT : (UPLOAD_LIMITS[route.file] ?? API_LIMIT);
      const { stream, counter } = countingBody(Math.max(4 * 1024 * 1024, 2 * limit));
      const response = await route.handler(method)(streamedRequest(route.path, method, stream), routeParams(route.params as Record<string, string>));
      expect(response.status, `${method} ${route.path}`).toBe(413);
      expect(counter.pulled, `${method} ${route.path}`).toBeLessThanOrEqual(limit + 3 * CHUNK);
    }
  });

  it("a body within the limit is read whole: the same route answers on its content", async () => {
    const response = await chat(
      new Request("http://localhost:3000/api/chat", {
        method: "POST",
        headers: { cookie: user.cookie, "content-type": "application/json" },
        body: JSON.stringify({ id: "not-a-uuid", message: { id: "m", role: "user", parts: [{ type: "text", text: "hi" }] } }),
      }),
    );
    expect(response.status).toBe(400);
    expect(ErrorBodySchema.parse(await response.json()).error.message).toMatch(/id: must be a UUID/);
  });
});
