// The texts an erasure hunts for ("needles": the erased memories' contents and earlier
// wordings, the messages they came from), turned into the patterns the SQL matches with.
// Pure, so it is unit tested without a database.

/** What replaces an erased message or conversation title. */
export const ERASED_MARKER = "[erased at your request]";

/** Shorter texts ("Tea") would match far more than the memory they came from. */
const MIN_NEEDLE_LENGTH = 6;

/** The distinct needles worth searching for, longest first. */
export function erasureNeedles(texts: Iterable<string | null | undefined>): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    const trimmed = text?.trim();
    if (trimmed && trimmed.length >= MIN_NEEDLE_LENGTH && trimmed !== ERASED_MARKER) out.add(trimmed);
  }
  return [...out].sort((a, b) => b.length - a.length);
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** ILIKE patterns matching any text that contains a needle, as the JSON array parameter the erase SQL takes. */
export function likePatterns(needles: string[]): string {
  return JSON.stringify(needles.map((n) => `%${escapeLike(n)}%`));
}

/**
 * The same over JSON text (jsonb::text of message parts and job payloads), where a needle
 * appears with its quotes, backslashes and control characters escaped as JSON escapes them.
 */
export function jsonLikePatterns(needles: string[]): string {
  return JSON.stringify(needles.map((n) => `%${escapeLike(JSON.stringify(n).slice(1, -1))}%`));
}

/** The message parts an erased message is left with. */
export function erasedParts(): { type: "text"; text: string }[] {
  return [{ type: "text", text: ERASED_MARKER }];
}

/** Whether these parts are already the erasure marker (a retried erasure changes nothing twice). */
export function isErasedParts(parts: unknown): boolean {
  return (
    Array.isArray(parts) &&
    parts.length === 1 &&
    typeof parts[0] === "object" &&
    parts[0] !== null &&
    (parts[0] as { text?: unknown }).text === ERASED_MARKER
  );
}

/**
 * Whether a conversation's title was made from this message: titles are the first message on
 * one line, cut at 57 characters with "…" (lib/chat/ensure-conversation.ts).
 */
export function titleCameFrom(title: string, messageText: string): boolean {
  const stem = title.replace(/…$/, "").trim();
  if (stem.length === 0 || stem === ERASED_MARKER) return false;
  return messageText.replace(/\s+/g, " ").trim().startsWith(stem);
}

/** The memory texts a queued write carried: its request's content and its result's (a duplicate's) content. */
export function jobTexts(job: { payload: unknown; result: unknown }): string[] {
  const texts: string[] = [];
  const request = (job.payload as { request?: { content?: unknown } } | null)?.request;
  if (typeof request?.content === "string") texts.push(request.content);
  const content = (job.result as { content?: unknown } | null)?.content;
  if (typeof content === "string") texts.push(content);
  return texts;
}

/** The message a queued write was saved from, when its payload names one. */
export function jobSourceMessageId(job: { payload: unknown }): string | null {
  const id = (job.payload as { request?: { sourceMessageId?: unknown } } | null)?.request?.sourceMessageId;
  return typeof id === "string" && /^[0-9a-f-]{36}$/i.test(id) ? id.toLowerCase() : null;
}
