import "server-only";
import { tool } from "ai";
import { MAX_DELETE_IDS_PER_JOB } from "@/lib/jobs/definitions/delete-memories-job";
import { z } from "zod";
import { log } from "@/lib/log";
import { enqueueMemoryWrite } from "@/lib/jobs/enqueue-memory-write";
import { filterOwnedMemoryIds } from "@/lib/memory/filter-owned-memory-ids";
import { findDeleteCandidates } from "@/lib/memory/find-delete-candidates";
import { MISSING_USER_ERROR, type ToolContext } from "@/lib/agent/tools/tool-context";

export const DeleteMemoryInputSchema = z.object({
  description: z.string().describe("What the user wants forgotten, in their words, e.g. 'that I am a vegetarian'."),
  confirm: z
    .boolean()
    .default(false)
    .describe("false: only search and return candidates to show the user. true: delete exactly memory_ids, after the user confirmed them."),
  memory_ids: z.array(z.string()).optional().describe("With confirm=true: the ids of the candidates the user confirmed."),
});


const CandidateSchema = z.object({ id: z.string(), content: z.string(), type: z.string() });

export const DeleteMemoryOutputSchema = z.union([
  z.object({ candidates: z.array(CandidateSchema), message: z.string() }),
  z.object({ action: z.literal("delete_queued"), write_id: z.string(), count: z.number(), memory_ids: z.array(z.string()), message: z.string() }),
  z.object({ error: z.string() }),
]);
export type DeleteMemoryOutput = z.infer<typeof DeleteMemoryOutputSchema>;

export function deleteMemory(ctx: ToolContext) {
  return tool({
    description:
      "Forget memories. Call with confirm=false to find candidates and show them to the user; after the user confirms, call with confirm=true and the confirmed memory_ids. Deletion is soft and audited.",
    inputSchema: DeleteMemoryInputSchema,
    outputSchema: DeleteMemoryOutputSchema,
    execute: async (input): Promise<DeleteMemoryOutput> => {
      if (!ctx.userId) return MISSING_USER_ERROR;
      try {
        if (!input.confirm) {
          if (!input.description.trim()) return { error: "Describe what to forget." };
          const candidates = await findDeleteCandidates({ userId: ctx.userId, description: input.description, limit: 5 });
          return candidates.length === 0
            ? { candidates: [], message: `No memories match "${input.description}". Nothing to forget.` }
            : {
                candidates: candidates.map((c) => ({ id: c.id, content: c.content, type: c.type })),
                message: "Show these to the user and ask which to forget. Delete only after they confirm.",
              };
        }
        const requested = [...new Set(input.memory_ids ?? [])];
        if (requested.length === 0) return { error: "confirm=true needs the memory_ids the user confirmed." };
        if (requested.length > MAX_DELETE_IDS_PER_JOB) return { error: `At most ${MAX_DELETE_IDS_PER_JOB} memories can be forgotten at once; nothing was deleted.` };
        // Only ids the user owns and that are still active: never another user's, never a fuzzy re-search.
        const owned = await filterOwnedMemoryIds({ userId: ctx.userId, memoryIds: requested, statuses: ["active"] });
        if (owned.length === 0) return { error: "None of those memories exist (or they were already forgotten)." };
        const job = await enqueueMemoryWrite({
          userId: ctx.userId,
          conversationId: ctx.conversationId,
          kind: "delete",
          payload: { memoryIds: owned },
          correlationId: ctx.correlationId,
        });
        return {
          action: "delete_queued",
          write_id: job.jobId,
          count: owned.length,
          memory_ids: owned,
          message: `Forgetting ${owned.length} ${owned.length === 1 ? "memory" : "memories"}.`,
        };
      } catch (error) {
        log.error("delete_memory failed", { correlationId: ctx.correlationId, error });
        return { error: "Memory is unavailable right now; nothing was deleted." };
      }
    },
  });
}
