import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { prepareVectorScan, selectHybridSearch, selectTopActiveMemories } from "@/lib/db/memory-items-search-sql";
import { embedText } from "@/lib/embeddings/embed-text";
import { type MemorySearchResult } from "@/lib/memory/schemas";
import { MemoryTypeSchema, type MemoryType } from "@/lib/db/enums";

const OptionsSchema = z.object({
  userId: z.string().uuid(),
  query: z.string().max(2000),
  limit: z.number().int().min(1).max(100).default(10),
  types: z.array(MemoryTypeSchema).optional(),
});

/**
 * Searches only the user's own active memories: pgvector cosine ranking and Postgres full-text
 * ranking, fused by reciprocal rank. An empty query returns the most important, then most
 * recent, active memories (what the chat injects as context before anything is asked).
 */
export async function hybridSearch(options: {
  userId: string;
  query: string;
  limit?: number;
  types?: MemoryType[];
}): Promise<MemorySearchResult[]> {
  const { userId, query, limit, types } = OptionsSchema.parse(options);
  const db = getDb();
  if (query.trim() === "") return selectTopActiveMemories(db, { userId, limit, types });
  // A query's vector is weighted for search (the offline model ranks mostly by meaning); only
  // memories embedded in the same space as it are ranked by it.
  const embedding = await embedText({ text: query, purpose: "query" });
  const { textQuery, candidates } = hybridSearchCandidates({ query, limit });
  const search = { userId, embedding, query: textQuery, limit, candidates, types };
  // Most users are ranked exactly; that choice is remembered for a minute, so their search is
  // one statement instead of a transaction of four round trips. The HNSW kind needs its
  // transaction-local setting (prepareVectorScan), so it always takes the transaction.
  const key = `${userId} ${embedding.model}`;
  const remembered = exactScanChoices.get(key);
  if (remembered !== undefined && Date.now() - remembered < SCAN_CHOICE_TTL_MS) return selectHybridSearch(db, { ...search, exact: true });
  return db.$transaction(async (tx) => {
    const space = { model: embedding.model, dimensions: embedding.vector.length };
    const { exact } = await prepareVectorScan(tx, { userId, space });
    if (exactScanChoices.size >= 10_000) exactScanChoices.clear();
    if (exact) exactScanChoices.set(key, Date.now());
    else exactScanChoices.delete(key);
    return selectHybridSearch(tx, { ...search, exact });
  });
}

const SCAN_CHOICE_TTL_MS = 60_000;
/** "<user> <model>" → when an exact vector scan was last chosen for them (chooseExactVectorScan). */
const exactScanChoices = new Map<string, number>();

/** The full-text arm's query and how deep each arm ranks: shared with the retrieval benchmark's baseline. */
export function hybridSearchCandidates(options: { query: string; limit: number }): { textQuery: string; candidates: number } {
  // Memories are phrased "User …", so that word matches every row; in an OR-ed full-text
  // query it would make any memory a candidate (a "forget" could offer the wrong ones).
  const textQuery = options.query.replace(/\b(?:the\s+)?users?(?:['’]s)?\b/gi, " ").trim();
  // Each arm keeps more candidates than asked for, so fusion can promote a row that is
  // second-rate in one ranking but strong in the other.
  return { textQuery, candidates: Math.max(options.limit * 4, 40) };
}
