import "server-only";
import { z } from "zod";
import { hybridSearch } from "@/lib/memory/hybrid-search";
import type { MemorySearchResult } from "@/lib/memory/schemas";

const OptionsSchema = z.object({
  userId: z.string().uuid(),
  description: z.string().trim().min(1).max(2000),
  limit: z.number().int().min(1).max(20).default(5),
});

// A vector-only match this weak is noise for the local embedding; offering it as something
// to delete would invite deleting the wrong memory.
const MIN_VECTOR_ONLY_SCORE = 0.35;

/**
 * The search step before a delete: the user's active memories that match a description
 * ("forget where I work"), for the agent or the user to pick explicit ids from. Never deletes.
 */
export async function findDeleteCandidates(options: {
  userId: string;
  description: string;
  limit?: number;
}): Promise<MemorySearchResult[]> {
  const { userId, description, limit } = OptionsSchema.parse(options);
  const hits = await hybridSearch({ userId, query: description, limit });
  return hits.filter((h) => h.textScore !== null || (h.vectorScore ?? 0) >= MIN_VECTOR_ONLY_SCORE);
}
