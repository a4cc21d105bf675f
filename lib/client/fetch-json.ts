import type { z } from "zod";
import { ErrorBodySchema, type ErrorCode } from "@/lib/errors";

// The browser's one way to call Mnemo's JSON API (SWR fetchers and mutations alike): the
// response is parsed with the schema the server's shape is declared by, and a failure throws
// an ApiError carrying the server's own message. Client-safe: no server-only imports.

/** A failed call: the server's { error: { code, message } } when it sent one. */
export class ApiError extends Error {
  readonly status: number;
  /** The server's error code; null when the request never got a JSON error back. */
  readonly code: ErrorCode | null;
  constructor(message: string, status: number, code: ErrorCode | null) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
  }
}

export type FetchJsonOptions<S extends z.ZodType> = {
  /** Parses the response body; a 204 or empty body reaches it as undefined. */
  schema: S;
  method?: "GET" | "POST" | "PATCH" | "DELETE";
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is with its own content type (a file upload), instead of `body`. */
  upload?: { body: Blob | string; contentType: string };
};

export async function fetchJson<S extends z.ZodType>(url: string, options: FetchJsonOptions<S>): Promise<z.infer<S>> {
  const { schema, method = "GET", body, upload } = options;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      cache: "no-store",
      headers: upload ? { "content-type": upload.contentType } : body === undefined ? undefined : { "content-type": "application/json" },
      body: upload ? upload.body : body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError("The server could not be reached. Check your connection and try again.", 0, null);
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text === "" ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const error = ErrorBodySchema.safeParse(json);
    if (error.success) throw new ApiError(error.data.error.message, response.status, error.data.error.code);
    throw new ApiError(`The request failed (HTTP ${response.status}).`, response.status, null);
  }
  return schema.parse(json);
}

/** The server's message when the error carries one, else the caller's wording. */
export function errorMessage(error: unknown, fallback: string): string {
  return error instanceof ApiError && error.code !== null ? error.message : fallback;
}
