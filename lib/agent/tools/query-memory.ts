import "server-only";
import { tool } from "ai";
import { z } from "zod";
import { log } from "@/lib/log";
import { hybridSearch } from "@/lib/memory/hybrid-search";
import { MISSING_USER_ERROR, type ToolContext } from "@/lib/agent/tools/tool-context";

export const QueryMemoryInputSchema = z.object({
  query: z.string().describe("What to look for, in a few words. Empty string lists the most recent memories."),
  limit: z.number().int().min(1).max(20).default(8).describe("How many memories to return (1-20)."),
});

export const QueryMemoryOutputSchema = z.union([
  z.object({
    memories: z.array(
      z.object({ id: z.string(), content: z.string(), type: z.string(), score: z.number(), created_at: z.string() }),
    ),
  }),
  z.object({ error: z.string() }),
]);
export type QueryMemoryOutput = z.infer<typeof QueryMemoryOutputSchema>;

export function queryMemory(ctx: ToolContext) {
  return tool({
    description: "Search the user's long-term memories (their active memories only). Use before answering questions about the user.",
    inputSchema: QueryMemoryInputSchema,
    outputSchema: QueryMemoryOutputSchema,
    execute: async (input): Promise<QueryMemoryOutput> => {
      if (!ctx.userId) return MISSING_USER_ERROR;
      try {
        const results = await hybridSearch({ userId: ctx.userId, query: input.query, limit: input.limit });
        return {
          memories: results.map((r) => ({
            id: r.id,
            content: r.content,
            type: r.type,
            score: Number(r.score.toFixed(4)),
            created_at: r.createdAt.toISOString(),
          })),
        };
      } catch (error) {
        log.error("query_memory failed", { correlationId: ctx.correlationId, error });
        return { error: "Memory search is unavailable right now." };
      }
    },
  });
}
