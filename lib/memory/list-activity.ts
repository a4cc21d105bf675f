import "server-only";
import { getDb } from "@/lib/db/client";
import { selectUserEventsPage } from "@/lib/db/memory-events-sql";
import { ActivityQuerySchema, type ActivityPage } from "@/lib/memory/view-schemas";

/** The user's own write events, newest first; `before` pages back through older ones. */
export async function listActivity(options: { userId: string; query: unknown }): Promise<ActivityPage> {
  const q = ActivityQuerySchema.parse(options.query);
  // One extra row tells whether an older page exists without a count over the whole table.
  const rows = await selectUserEventsPage(getDb(), { userId: options.userId, beforeSeq: q.before ?? null, limit: q.limit + 1 });
  const items = rows.slice(0, q.limit);
  return { items, nextCursor: rows.length > q.limit ? (items.at(-1)?.seq ?? null) : null };
}
