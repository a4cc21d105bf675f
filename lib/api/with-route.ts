import "server-only";
import { randomUUID } from "node:crypto";
import { z, ZodError } from "zod";
import { assertSameOrigin } from "@/lib/api/check-origin";
import { assertStorableText, mediaType, parseJsonBody, readBodyLimited } from "@/lib/api/read-body";
import { getSessionUser } from "@/lib/auth/get-session-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { AppError, type ErrorBody } from "@/lib/errors";
import { transportSecurityHeaders } from "@/lib/http/security-headers";
import { dependencyUnavailable, log } from "@/lib/log";

const MAX_BODY_BYTES = 256 * 1024;
const BODY_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Seconds a client should wait before retrying while the database (or Redis) is unreachable. */
const RETRY_AFTER_SECONDS = 5;

export type RouteContext<P> = {
  request: Request;
  user: SessionUser;
  params: P;
  correlationId: string;
  /** Parses the JSON body (size-limited, application/json only) with the schema; errors become 4xx. */
  body: <S extends z.ZodType>(schema: S) => Promise<z.infer<S>>;
  /** Parses the query string with the schema; errors become 400. */
  query: <S extends z.ZodType>(schema: S) => z.infer<S>;
  /** The raw body as read within the route's limit, and its media type: for uploads that are not JSON objects. */
  upload: () => { bytes: Uint8Array; mediaType: string | null };
};

type Options<PS extends z.ZodType> = {
  auth: "user" | "admin";
  params?: PS;
  /** An upload route's own body limit (the API's is 256 KiB); still enforced as the body streams. */
  maxBodyBytes?: number;
};
type NextRouteArgs = { params: Promise<Record<string, string | string[]>> };

/**
 * The one wrapper every route handler goes through (dub's withWorkspace): the same-origin check
 * for state-changing methods, the body read within its limit as it streams, session, role,
 * params and query checks, body parsing, `Cache-Control: no-store` on what it returns, and the
 * mapping of errors to JSON responses.
 */
export function withRoute<PS extends z.ZodType = z.ZodType<Record<string, never>>>(
  handler: (ctx: RouteContext<z.infer<PS>>) => Promise<Response>,
  options: Options<PS>,
) {
  return async (request: Request, args?: NextRouteArgs): Promise<Response> => {
    const correlationId = randomUUID();
    try {
      assertSameOrigin(request);
      const searchParams = new URL(request.url).searchParams;
      for (const [key, value] of searchParams) assertStorableText({ [key]: value });
      // Who is asking is settled from the headers before any body is read: an anonymous or
      // unauthorised request gets its answer (and a closed connection) without the server
      // reading what it sent, whatever the route's upload limit.
      const user = await getSessionUser({ headers: request.headers });
      if (!user) throw new AppError("unauthorized", "Sign in to continue.");
      if (options.auth === "admin" && user.role !== "admin") {
        throw new AppError("forbidden", "This needs an administrator account.");
      }
      // Then the body, within its limit, as it streams, on every route that may carry one.
      const bytes = BODY_METHODS.has(request.method) ? await readBodyLimited(request, options.maxBodyBytes ?? MAX_BODY_BYTES) : new Uint8Array(0);
      const rawParams = (await args?.params) ?? {};
      const params = (options.params ? options.params.parse(rawParams) : {}) as z.infer<PS>;
      const response = await handler({
        request,
        user,
        params,
        correlationId,
        body: async (schema) => schema.parse(parseJsonBody(request, bytes)),
        query: (schema) => schema.parse(Object.fromEntries(searchParams)),
        upload: () => ({ bytes, mediaType: mediaType(request) }),
      });
      return withApiHeaders(response);
    } catch (error) {
      return errorResponse(error, correlationId);
    }
  };
}

/**
 * The API's run-time headers on a handler's response: `Cache-Control: no-store` (every answer
 * carries a signed-in user's data; a route may set its own) and HSTS when APP_URL is https.
 */
export function withApiHeaders(response: Response): Response {
  const set = (headers: Headers) => {
    if (!headers.has("cache-control")) headers.set("cache-control", "no-store");
    for (const [name, value] of Object.entries(transportSecurityHeaders())) headers.set(name, value);
  };
  try {
    set(response.headers);
    return response;
  } catch {
    // Immutable headers (a fetched or redirect response): copy it.
    const copy = new Response(response.body, response);
    set(copy.headers);
    return copy;
  }
}

export function errorResponse(error: unknown, correlationId: string): Response {
  if (error instanceof ZodError) {
    const issues = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
    return json<ErrorBody>({ error: { code: "bad_request", message: `Invalid input: ${summary}`, issues } }, 400);
  }
  if (error instanceof AppError) {
    if (error.status >= 500) log.error("request failed", { correlationId, code: error.code, error });
    const headers: Record<string, string> = {};
    // The rest of a too-large body is never read: closing the connection stops the upload
    // (without it Node would read and discard the rest to reuse the connection).
    if (error.code === "payload_too_large" || error.code === "unauthorized" || error.code === "forbidden") headers.connection = "close";
    if (error.code === "unavailable") headers["retry-after"] = String(RETRY_AFTER_SECONDS);
    return json<ErrorBody>({ error: { code: error.code, message: error.message, correlationId } }, error.status, headers);
  }
  const dependency = dependencyUnavailable(error);
  if (dependency) {
    // Counted by the logger as part of the outage, not logged once per request.
    log.error("request failed: dependency unavailable", { correlationId, error });
    const what = dependency === "postgres" ? "its database" : "Redis";
    return json<ErrorBody>(
      {
        error: {
          code: "unavailable",
          message: `Mnemo is temporarily unavailable (${what} cannot be reached). Please try again in a few seconds.`,
          correlationId,
        },
      },
      503,
      { "retry-after": String(RETRY_AFTER_SECONDS) },
    );
  }
  log.error("unexpected error", { correlationId, error });
  return json<ErrorBody>(
    { error: { code: "internal", message: "Something went wrong on our side. Please try again.", correlationId } },
    500,
  );
}

function json<T>(body: T, status: number, headers: Record<string, string> = {}): Response {
  return withApiHeaders(Response.json(body, { status, headers }));
}
