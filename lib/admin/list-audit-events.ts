import "server-only";
import { getDb } from "@/lib/db/client";
import { selectAuditPage } from "@/lib/db/memory-events-sql";
import { AuditQuerySchema, type AuditPage } from "@/lib/memory/view-schemas";

/**
 * All users' write events for the admin audit log, newest first, filtered, keyset-paginated
 * on seq (`cursor` = the last seq of the previous page). Authorise (admin) before calling.
 */
export async function listAuditEvents(options: { query: unknown }): Promise<AuditPage> {
  const { cursor, limit, ...filters } = AuditQuerySchema.parse(options.query);
  const rows = await selectAuditPage(getDb(), { ...filters, cursor: cursor ?? null, limit: limit + 1 });
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.seq ?? null) : null };
}
