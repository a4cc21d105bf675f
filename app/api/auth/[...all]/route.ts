import { randomUUID } from "node:crypto";
import { toNextJsHandler } from "better-auth/next-js";
import { assertSameOrigin } from "@/lib/api/check-origin";
import { assertStorableText, mediaType, readBodyLimited } from "@/lib/api/read-body";
import { routeMethods } from "@/lib/api/route-methods";
import { errorResponse, withApiHeaders } from "@/lib/api/with-route";
import { getAuth } from "@/lib/auth/auth";

// Auth bodies are an email, a password and a name: a few hundred bytes.
const AUTH_MAX_BODY_BYTES = 16 * 1024;

const handler = () => toNextJsHandler(getAuth());

/**
 * better-auth's routes behind the same guards as the app's own: the same-origin check, and the
 * body read within its limit as it streams (better-auth itself would read any size), with
 * unstorable text refused; better-auth then parses the copy. Errors it throws rather than
 * answers (the database unreachable …) become the wrapper's JSON (503 for an outage).
 */
async function guarded(request: Request, run: (request: Request) => Promise<Response>): Promise<Response> {
  const correlationId = randomUUID();
  try {
    assertSameOrigin(request);
    if (request.method === "GET" || request.method === "HEAD") return withApiHeaders(await run(request));
    const body = await readBodyLimited(request, AUTH_MAX_BODY_BYTES);
    if (mediaType(request) === "application/json" && body.byteLength > 0) {
      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
      } catch {
        json = undefined; // better-auth answers malformed JSON itself
      }
      assertStorableText(json);
    }
    const headers = new Headers(request.headers);
    headers.delete("content-length");
    headers.delete("transfer-encoding");
    const copy = new Request(request.url, { method: request.method, headers, body: body.byteLength ? new Uint8Array(body) : undefined, signal: request.signal });
    return withApiHeaders(await run(copy));
  } catch (error) {
    return errorResponse(error, correlationId);
  }
}

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({
  GET: (request) => guarded(request, (r) => handler().GET(r)),
  POST: (request) => guarded(request, (r) => handler().POST(r)),
});
