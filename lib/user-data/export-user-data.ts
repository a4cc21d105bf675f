import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { selectConversationExportPage, selectMessageExportPage } from "@/lib/db/conversations-export-sql";
import { selectEventsOfMemories, selectUnlinkedEventsPage, type EventExportRow } from "@/lib/db/memory-events-export-sql";
import { selectMemoryExportPage, type MemoryExportRow } from "@/lib/db/memory-items-export-sql";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { messageText } from "@/lib/memory/message-text";
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportConversation,
  type ExportEvent,
  type ExportMemory,
} from "@/lib/user-data/export-format";

// Page sizes: each page is one short query; a memory page also reads its audit rows.
const MEMORY_PAGE = 200;
const CONVERSATION_PAGE = 100;
const MESSAGE_PAGE = 500;
const EVENT_PAGE = 1_000;

const toEvent = (e: EventExportRow): ExportEvent => ({
  id: e.id,
  seq: e.seq,
  memoryId: e.memory_item_id,
  operation: e.operation,
  extractionType: e.extraction_type,
  confidence: e.confidence,
  reason: e.reason,
  beforeContent: e.before_content,
  afterContent: e.after_content,
  createdAt: e.created_at.toISOString(),
});

const toMemory = (m: MemoryExportRow, history: ExportEvent[]): ExportMemory => ({
  id: m.id,
  content: m.content,
  type: m.type,
  status: m.status,
  confidence: m.confidence,
  importance: m.importance,
  createdAt: m.created_at.toISOString(),
  updatedAt: m.updated_at.toISOString(),
  deletedAt: m.deleted_at?.toISOString() ?? null,
  expiresAt: m.expires_at?.toISOString() ?? null,
  supersededBy: m.superseded_by,
  source: m.conversation_id
    ? {
        conversationId: m.conversation_id,
        conversationTitle: m.conversation_title,
        messageId: m.message_id,
        messageText: m.message_parts ? messageText(m.message_parts) : null,
        messageAt: m.message_at?.toISOString() ?? null,
      }
    : null,
  history,
});

/** The file as JSON text pieces, in order; each `await` is one page. */
async function* exportPieces(userId: string): AsyncGenerator<string> {
  const db = getDb();
  const account = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, createdAt: true } });
  if (!account) throw new AppError("not_found", "That account does not exist.");
  const head = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date().toISOString() };
  const accountJson = JSON.stringify({ ...account, createdAt: account.createdAt.toISOString() });
  yield `${JSON.stringify(head).slice(0, -1)},"account":${accountJson},"memories":[`;

  let after: { createdAt: Date; id: string } | null = null;
  let first = true;
  for (;;) {
    const page = await selectMemoryExportPage(db, { userId, after, limit: MEMORY_PAGE });
    if (page.length === 0) break;
    const events = await selectEventsOfMemories(db, { userId, memoryIds: page.map((m) => m.id) });
    const history = new Map<string, ExportEvent[]>();
    for (const e of events) history.set(e.memory_item_id!, [...(history.get(e.memory_item_id!) ?? []), toEvent(e)]);
    yield (first ? "" : ",") + page.map((m) => `\n${JSON.stringify(toMemory(m, history.get(m.id) ?? []))}`).join(",");
    first = false;
    const last = page.at(-1)!;
    after = { createdAt: last.created_at, id: last.id };
    if (page.length < MEMORY_PAGE) break;
  }

  yield `\n],"conversations":[`;
  let conversationsAfter: { createdAt: Date; id: string } | null = null;
  first = true;
  for (;;) {
    const page = await selectConversationExportPage(db, { userId, after: conversationsAfter, limit: CONVERSATION_PAGE });
    for (const c of page) {
      const head: Omit<ExportConversation, "messages"> = {
        id: c.id,
        title: c.title,
        createdAt: c.created_at.toISOString(),
        updatedAt: c.updated_at.toISOString(),
      };
      yield `${first ? "" : ","}\n${JSON.stringify(head).slice(0, -1)},"messages":[`;
      first = false;
      let messagesAfter: { createdAt: Date; id: string } | null = null;
      let firstMessage = true;
      for (;;) {
        const messages = await selectMessageExportPage(db, { userId, conversationId: c.id, after: messagesAfter, limit: MESSAGE_PAGE });
        if (messages.length === 0) break;
        const json = messages.map((m) =>
          JSON.stringify({ id: m.id, role: m.role, createdAt: m.created_at.toISOString(), text: messageText(m.parts), replyToId: m.reply_to_id }),
        );
        yield (firstMessage ? "" : ",") + json.join(",");
        firstMessage = false;
        const last = messages.at(-1)!;
        messagesAfter = { createdAt: last.created_at, id: last.id };
        if (messages.length < MESSAGE_PAGE) break;
      }
      yield "]}";
    }
    if (page.length < CONVERSATION_PAGE) break;
    const last = page.at(-1)!;
    conversationsAfter = { createdAt: last.created_at, id: last.id };
  }

  yield `\n],"events":[`;
  let afterSeq: string | null = null;
  first = true;
  for (;;) {
    const page = await selectUnlinkedEventsPage(db, { userId, afterSeq, limit: EVENT_PAGE });
    if (page.length === 0) break;
    yield (first ? "" : ",") + page.map((e) => `\n${JSON.stringify(toEvent(e))}`).join(",");
    first = false;
    afterSeq = page.at(-1)!.seq;
    if (page.length < EVENT_PAGE) break;
  }
  yield "\n]}\n";
}

const OptionsSchema = z.object({ userId: z.string().uuid() });

/**
 * Everything Mnemo holds about the user as one "mnemo-export" version 1 JSON file
 * (docs/export-format.md), streamed: keyset pages are read as the client reads, so a large
 * account is never built in memory and no query stays open between pages. Pages are separate
 * reads, not one snapshot: a write made while the file streams may be in it or not (the
 * importer drops a supersededBy that names a memory missing from the file).
 */
export function exportUserData(options: { userId: string; signal?: AbortSignal }): ReadableStream<Uint8Array> {
  const { userId } = OptionsSchema.parse(options);
  const encoder = new TextEncoder();
  const pieces = exportPieces(userId);
  // A reader that goes away (cancel, or the request aborted) ends the generator; a page read
  // already under way then finishes into nothing.
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (options.signal?.aborted) {
          cancelled = true;
          await pieces.return(undefined);
          return controller.close();
        }
        const next = await pieces.next();
        if (cancelled) return;
        if (next.done) return controller.close();
        controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        if (cancelled) return;
        log.error("data export failed", { userId, error });
        controller.error(error);
      }
    },
    async cancel() {
      cancelled = true;
      await pieces.return(undefined);
    },
  });
}
