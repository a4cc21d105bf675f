import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { prepareVectorScan, selectHybridSearch, selectTopActiveMemories } from "@/lib/db/memory-items-search-sql";
import { alignTexts } from "@/lib/embeddings/align-texts";
import { embedText } from "@/lib/embeddings/embed-text";
import { type MemorySearchResult } from "@/lib/memory/schemas";
import { MemoryTypeSchema, type MemoryType } from "@/lib/db/enums";

const OptionsSchema = z.object({
  userId: z.string().uuid(),
  query: z.string().max(2000),
  limit: z.number().int().min(1).max(100).default(10),
  types: z.array(MemoryTypeSchema).optional(),
  /** Rerank the best by word alignment (offline embedding only); recall into a turn wants breadth instead. */
  rerank: z.boolean().default(true),
});

/**
 * Searches only the user's own active memories: pgvector cosine ranking and Postgres full-text
 * ranking, mixed by score; with the offline embedding, the best of them are then reranked by how
 * much of the query each talks about, word by word (rerankByAlignment). An empty query returns
 * the most important, then most recent, active memories.
 */
export async function hybridSearch(options: {
  userId: string;
  query: string;
  limit?: number;
  types?: MemoryType[];
  rerank?: boolean;
}): Promise<MemorySearchResult[]> {
  const { userId, query, limit, types, rerank: wanted } = OptionsSchema.parse(options);
  if (query.trim() === "") return selectTopActiveMemories(getDb(), { userId, limit, types });
  // A query's vector is weighted for search (the offline model ranks mostly by meaning); only
  // memories embedded in the same space as it are ranked by it.
  const embedding = await embedText({ text: query, purpose: "query" });
  const rerank = wanted && embedding.model.startsWith("local/");
  const depth = rerank ? Math.max(limit, RERANK_DEPTH) : limit;
  const { textQuery, candidates } = hybridSearchCandidates({ query, limit: depth });
  const search = { userId, embedding, query: textQuery, limit: depth, candidates, types };
  const rows = await runSearch(search);
  return rerank ? rerankByAlignment(query, rows).slice(0, limit) : rows;
}

async function runSearch(search: Omit<Parameters<typeof selectHybridSearch>[1], "exact">): Promise<MemorySearchResult[]> {
  const db = getDb();
  const { userId, embedding } = search;
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

// How many of the mixed ranking's best are reranked, and how much word alignment counts beside
// the mixed score (both 0..1). Measured with `npm run bench:recall` and `npm run eval:recall` on
// recall_dev and LoCoMo (README): a question and the memory that answers it often share no
// word ("Where am I based?" / "User lives in Leeds"), and a sentence vector averages a short
// question into its commonest words; word-by-word alignment finds "based" ~ "lives".
const RERANK_DEPTH = 30;
const ALIGN_WEIGHT = 0.5;

/** The rows in order of mixed score plus ALIGN_WEIGHT × how much of the query each talks about. */
function rerankByAlignment(query: string, rows: MemorySearchResult[]): MemorySearchResult[] {
  return rows
    .map((row, i) => ({ row, i, s: row.score + ALIGN_WEIGHT * alignTexts({ query, text: row.content }) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((r) => r.row);
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
