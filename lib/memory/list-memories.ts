import "server-only";
import { getDb } from "@/lib/db/client";
import { selectMemoryItems, selectMemoryPage, selectTextMatches } from "@/lib/db/memory-items-list-sql";
import { MemoryListQuerySchema, type MemoryListPage } from "@/lib/memory/view-schemas";
import { hybridSearch } from "@/lib/memory/hybrid-search";
import type { MemoryStatus } from "@/lib/db/enums";

// How many search hits are fetched and paginated: search is for finding, not scrolling.
const SEARCH_LIMIT = 100;

/**
 * The user's memories for /memories: filtered by type and status (active only by default),
 * sorted and paginated. With a query, active memories are ranked by hybrid search (vector +
 * full text) and the other selected statuses match by text after them; the sort then does
 * not apply, relevance does.
 */
export async function listMemories(options: { userId: string; query: unknown }): Promise<MemoryListPage> {
  const q = MemoryListQuerySchema.parse(options.query);
  const statuses: MemoryStatus[] = q.statuses?.length ? q.statuses : ["active"];
  const types = q.types?.length ? q.types : null;
  const offset = (q.page - 1) * q.pageSize;
  const db = getDb();

  if (!q.q) {
    const { items, total } = await selectMemoryPage(db, {
      userId: options.userId,
      statuses,
      types,
      sort: q.sort,
      limit: q.pageSize,
      offset,
    });
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  const hits = statuses.includes("active")
    ? await hybridSearch({ userId: options.userId, query: q.q, limit: SEARCH_LIMIT, types: types ?? undefined })
    : [];
  const rows = await selectMemoryItems(db, { userId: options.userId, ids: hits.map((h) => h.id) });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ranked = hits.flatMap((h) => byId.get(h.id) ?? []);
  const others = await selectTextMatches(db, {
    userId: options.userId,
    query: q.q,
    statuses: statuses.filter((s) => s !== "active"),
    types,
    limit: SEARCH_LIMIT,
  });
  const all = [...ranked, ...others];
  return { items: all.slice(offset, offset + q.pageSize), total: all.length, page: q.page, pageSize: q.pageSize };
}
