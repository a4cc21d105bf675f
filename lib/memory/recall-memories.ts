import "server-only";
import { z } from "zod";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { selectStandingMemories } from "@/lib/db/memory-items-list-sql";
import { plainQuestion } from "@/lib/embeddings/plain-question";
import { hybridSearch } from "@/lib/memory/hybrid-search";
import type { RecalledMemory } from "@/lib/memory/recall-schemas";

const OptionsSchema = z.object({
  userId: z.string().uuid(),
  message: z.string(),
  /** The user's previous message, if any: a follow-up ("and for dessert?") leans on it. */
  previousMessage: z.string().optional(),
});

// The block's relevance is the query's cosine rescaled onto 0..1: with the offline embedding's
// query weights, a memory that answers a question has a median cosine of 0.17 and an unrelated
// one 0.03 (eval/datasets/recall_dev.json), so (cos + 0.1) / 0.5 puts "unrelated" near 0.2 and
// "close" at 0.5 and above. No hit is dropped on its cosine alone: absolute cosine separates
// answers from non-answers poorly, rank does better, so the model decides from the top hits.
const relevanceOf = (cosine: number | null) => Math.round(Math.min(1, Math.max(0, ((cosine ?? 0) + 0.1) / 0.5)) * 100) / 100;
const STANDING_IMPORTANCE = 0.8;
const STANDING_LIMIT = 6;
const STANDING_RESERVE = 3;

const tokens = (text: string) => Math.ceil(text.length / 4) + 8;

/**
 * The memories put in front of the model for one turn: the user's relevant active memories
 * (hybrid search on the new message, with the previous message as a little context), then a
 * few standing ones (how the user wants answers, high-importance facts) whatever was asked,
 * within RECALL_TOKEN_BUDGET and RECALL_MAX_MEMORIES. Numbered from 1 in the order given.
 * Only the user's own active, unexpired memories can appear (hybridSearch and the standing
 * query filter by user and status). Best effort: a failing search recalls nothing.
 */
export async function recallMemories(options: z.input<typeof OptionsSchema>): Promise<RecalledMemory[]> {
  const { userId, message, previousMessage } = OptionsSchema.parse(options);
  const { recallTokenBudget, recallMaxMemories } = config.memory;
  if (recallMaxMemories === 0 || recallTokenBudget === 0) return [];
  const query = [plainQuestion(message), previousMessage].filter(Boolean).join("\n").slice(0, 2000);
  const [hits, standing] = await Promise.all([
    // Not reranked by word alignment: that lifts the memory that says what was asked to the top
    // (search, query_memory) but pushes out ones that matter without sharing a word with the
    // message ("a dessert" and "type 2 diabetes"); the prompt's block wants those (README).
    query.trim() ? hybridSearch({ userId, query, limit: recallMaxMemories, rerank: false }) : Promise.resolve([]),
    selectStandingMemories(getDb(), { userId, limit: STANDING_LIMIT, minImportance: STANDING_IMPORTANCE }),
  ]);
  const chosen: RecalledMemory[] = [];
  let budget = recallTokenBudget;
  const add = (memory: Omit<RecalledMemory, "n">) => {
    if (chosen.length >= recallMaxMemories || chosen.some((c) => c.id === memory.id)) return;
    const cost = tokens(memory.content);
    if (cost > budget) return;
    budget -= cost;
    chosen.push({ ...memory, n: chosen.length + 1 });
  };
  // Search fills the block but leaves room for the standing memories it did not find itself:
  // otherwise a user with many memories never has their allergy in front of the model.
  const reserve = Math.min(STANDING_RESERVE, standing.filter((s) => !hits.some((h) => h.id === s.id)).length);
  for (const hit of hits) {
    if (hit.type === "episode" || chosen.length >= recallMaxMemories - reserve) continue;
    add({ id: hit.id, content: hit.content, type: hit.type, relevance: relevanceOf(hit.vectorScore), standing: false });
  }
  for (const memory of standing) add({ id: memory.id, content: memory.content, type: memory.type, relevance: null, standing: true });
  return chosen;
}
