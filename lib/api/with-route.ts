import "server-only";
import { randomUUID } from "node:crypto";
import { z, ZodError } from "zod";
import { getSessionUser } from "@/lib/auth/get-session-user";
import type { SessionUser } from "@/lib/auth/session-user";
import { AppError, type ErrorBody } from "@/lib/errors";
import { log } from "@/lib/log";

const MAX_BODY_BYTES = 256 * 1024;

export type RouteContext<P> = {
  request: Request;
  user: SessionUser;
  params: P;
  correlationId: string;
  /** Parses the JSON body (size-limited) with the schema; errors become 4xx. */
  body: <S extends z.ZodType>(schema: S) => Promise<z.infer<S>>;
  /** Parses the query string with the schema; errors become 400. */
  query: <S extends z.ZodType>(schema: S) => z.infer<S>;
};

type Options<PS extends z.ZodType> = { auth: "user" | "admin"; params?: PS };
type NextRouteArgs = { params: Promise<Record<string, string | string[]>> };

/**
 * The one wrapper every route handler goes through (dub's withWorkspace): session, role,
 * params, body parsing, and the mapping of errors to JSON responses.
 */
export function withRoute<PS extends z.ZodType = z.ZodType<Record<string, never>>>(
  handler: (ctx: RouteContext<z.infer<PS>>) => Promise<Response>,
  options: Options<PS>,
) {
  return async (request: Request, args?: NextRouteArgs): Promise<Response> => {
    const correlationId = randomUUID();
    try {
      const user = await getSessionUser({ headers: request.headers });
      if (!user) throw new AppError("unauthorized", "Sign in to continue.");
      if (options.auth === "admin" && user.role !== "admin") {
        throw new AppError("forbidden", "This needs an administrator account.");
      }
      const rawParams = (await args?.params) ?? {};
      const params = (options.params ? options.params.parse(rawParams) : {}) as z.infer<PS>;
      return await handler({
        request,
        user,
        params,
        correlationId,
        body: (schema) => readJsonBody(request, schema),
        query: (schema) => schema.parse(Object.fromEntries(new URL(request.url).searchParams)),
      });
    } catch (error) {
      return errorResponse(error, correlationId);
    }
  };
}

async function readJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new AppError("payload_too_large", `Request body is larger than ${MAX_BODY_BYTES} bytes.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    throw new AppError("payload_too_large", `Request body is larger than ${MAX_BODY_BYTES} bytes.`);
  }
  let json: unknown;
  try {
    json = text === "" ? {} : JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "Request body is not valid JSON.");
  }
  return schema.parse(json);
}

export function errorResponse(error: unknown, correlationId: string): Response {
  if (error instanceof ZodError) {
    const issues = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
    return json<ErrorBody>({ error: { code: "bad_request", message: `Invalid input: ${summary}`, issues } }, 400);
  }
  if (error instanceof AppError) {
    if (error.status >= 500) log.error("request failed", { correlationId, code: error.code, error });
    return json<ErrorBody>({ error: { code: error.code, message: error.message, correlationId } }, error.status);
  }
  log.error("unexpected error", { correlationId, error });
  return json<ErrorBody>(
    { error: { code: "internal", message: "Something went wrong on our side. Please try again.", correlationId } },
    500,
  );
}

function json<T>(body: T, status: number): Response {
  return Response.json(body, { status });
}
