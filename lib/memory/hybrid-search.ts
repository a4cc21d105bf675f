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
  const embedding = await embedText({ text: query });
  // Memories are phrased "User …", so that word matches every row; in an OR-ed full-text
  // query it would make any memory a candidate (a "forget" could offer the wrong ones).
  const textQuery = query.replace(/\b(?:the\s+)?users?(?:['’]s)?\b/gi, " ").trim();
  // Each arm keeps more candidates than asked for, so fusion can promote a row that is
  // second-rate in one ranking but strong in the other.
  const candidates = Math.max(limit * 4, 40);
  return db.$transaction(async (tx) => {
    const { exact } = await prepareVectorScan(tx, { userId });
    return selectHybridSearch(tx, { userId, embedding, query: textQuery, limit, candidates, types, exact });
  });
}
