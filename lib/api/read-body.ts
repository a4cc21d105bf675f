import "server-only";
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";

/**
 * Reads a request body, stopping at `maxBytes`: a declared Content-Length over the limit is
 * refused before a byte is read, and a chunked body is cut as soon as it passes the limit
 * (the rest is never read; the 413 closes the connection). `request.text()` would buffer all of it first.
 */
export async function readBodyLimited(request: Request, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () => new AppError("payload_too_large", `Request body is larger than ${maxBytes} bytes.`);
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The media type of a Content-Type header, lower-cased, without parameters. */
export const mediaType = (request: Request) => request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? null;

/**
 * A JSON body already read by readBodyLimited: Content-Type must be application/json (415
 * otherwise), the bytes valid UTF-8 and the text valid JSON (400), and no string in it
 * unstorable (400, see assertStorableText). An empty body reads as {} for the schema to judge.
 */
export function parseJsonBody(request: Request, bytes: Uint8Array): unknown {
  if (mediaType(request) !== "application/json") {
    throw new AppError("unsupported_media_type", "Send the request body as JSON, with Content-Type: application/json.");
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("bad_request", "Request body is not valid UTF-8.");
  }
  let json: unknown;
  try {
    json = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "Request body is not valid JSON.");
  }
  assertStorableText(json);
  return json;
}

/**
 * Refuses (as a 400 naming the field) text PostgreSQL cannot store, before anything is written:
 * a NUL character (text and jsonb columns reject U+0000) and lone UTF-16 surrogates such as
 * \ud800 (not Unicode; they would turn into U+FFFD on the way). Walks strings, object keys and
 * arrays of any JSON value, or the values of a query string.
 */
export function assertStorableText(value: unknown, path: (string | number)[] = []): void {
  const problem = (text: string) =>
    text.includes("\u0000")
      ? "must not contain a NUL character (U+0000)"
      : !text.isWellFormed()
        ? "is not valid Unicode (it contains a lone surrogate such as \\ud800)"
        : null;
  const fail = (at: (string | number)[], message: string): never => {
    throw new ZodError([{ code: "custom", path: at, message, input: undefined }]);
  };
  if (typeof value === "string") {
    const message = problem(value);
    if (message) fail(path, message);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => assertStorableText(item, [...path, i]));
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const message = problem(key);
      if (message) fail(path, `has a key that ${message}`);
      assertStorableText(item, [...path, key]);
    }
  }
}
