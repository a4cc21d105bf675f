import "server-only";
import { getDb } from "@/lib/db/client";
import { selectAuditPage } from "@/lib/db/memory-events-sql";
import { AuditFiltersSchema, type AuditEvent } from "@/lib/memory/view-schemas";
import { log } from "@/lib/log";

const BATCH = 1_000;
// An export is a report, not a backup: past this the file says it was cut.
const MAX_ROWS = 1_000_000;

const COLUMNS: { header: string; value: (e: AuditEvent) => string | number | null }[] = [
  { header: "seq", value: (e) => e.seq },
  { header: "id", value: (e) => e.id },
  { header: "created_at", value: (e) => e.createdAt },
  { header: "user_id", value: (e) => e.userId },
  { header: "user_email", value: (e) => e.userEmail },
  { header: "operation", value: (e) => e.operation },
  { header: "extraction_type", value: (e) => e.extractionType },
  { header: "confidence", value: (e) => e.confidence },
  { header: "memory_item_id", value: (e) => e.memoryItemId },
  { header: "before_content", value: (e) => e.beforeContent },
  { header: "after_content", value: (e) => e.afterContent },
  { header: "correlation_id", value: (e) => e.correlationId },
  { header: "processing_time_ms", value: (e) => e.processingTimeMs },
];

/** RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet never runs user text as a formula. */
function cell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The filtered audit log as CSV, streamed in keyset batches so a large export neither loads
 * the table into memory nor holds one long query open. Authorise (admin) before calling.
 */
export function exportAuditCsv(options: { query: unknown; signal?: AbortSignal }): ReadableStream<Uint8Array> {
  const filters = AuditFiltersSchema.parse(options.query);
  const encoder = new TextEncoder();
  let cursor: string | null = null;
  let sent = 0;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!headerSent) {
          headerSent = true;
          controller.enqueue(encoder.encode(COLUMNS.map((c) => c.header).join(",") + "\r\n"));
          return;
        }
        if (options.signal?.aborted) return controller.close();
        const rows = await selectAuditPage(getDb(), { ...filters, cursor, limit: Math.min(BATCH, MAX_ROWS - sent) });
        if (rows.length) {
          controller.enqueue(encoder.encode(rows.map((e) => COLUMNS.map((c) => cell(c.value(e))).join(",")).join("\r\n") + "\r\n"));
          sent += rows.length;
          cursor = rows.at(-1)!.seq;
        }
        if (rows.length < BATCH || sent >= MAX_ROWS) controller.close();
      } catch (error) {
        log.error("audit export failed", { error });
        controller.error(error);
      }
    },
  });
}
