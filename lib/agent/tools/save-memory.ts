import "server-only";
import { tool } from "ai";
import { z } from "zod";
import { config } from "@/lib/config";
import { log } from "@/lib/log";
import { enqueueMemoryWrite } from "@/lib/jobs/enqueue-memory-write";
import { filterOwnedMemoryIds } from "@/lib/memory/filter-owned-memory-ids";
import { proposeMemory } from "@/lib/memory/propose-memory";
import { refuseMemoryWrite } from "@/lib/memory/refuse-memory-write";
import { MemoryWriteRequestSchema } from "@/lib/memory/schemas";
import { MISSING_USER_ERROR, type ToolContext } from "@/lib/agent/tools/tool-context";

const SAVEABLE_TYPES = ["fact", "preference", "decision", "note"] as const;

// Deliberately lenient: a bad value must come back to the model as a readable error result,
// not fail the tool call before execute runs.
export const SaveMemoryInputSchema = z.object({
  content: z
    .string()
    .describe("The memory as one short third-person statement in the user's words, e.g. 'User is a vegetarian'. At most 2000 characters."),
  memory_type: z.string().describe("One of: fact, preference, decision, note."),
  confidence: z
    .number()
    .default(0.8)
    .describe("How sure you are the user meant this to be remembered, 0 to 1. 0.7+ explicit; 0.5-0.7 hedged (user confirms); below 0.5 not saved."),
  importance: z.number().default(0.5).describe("How useful this is for future conversations, 0 to 1."),
  supersedes: z
    .string()
    .optional()
    .describe("Id of an existing memory this one corrects (from query_memory or delete_memory). The old memory is kept as history."),
  expires_at: z
    .string()
    .optional()
    .describe(
      "When the memory stops being true, as an ISO 8601 date-time with offset (e.g. 2026-05-08T23:59:59Z), for things the user says are temporary: 'for this week', 'until Friday'. Omit for lasting memories.",
    ),
});

export const SaveMemoryOutputSchema = z.union([
  z.object({ action: z.literal("queued"), write_id: z.string(), content: z.string(), supersedes: z.string().optional() }),
  z.object({ action: z.literal("confirm_needed"), content: z.string(), proposal_id: z.string() }),
  z.object({ action: z.literal("discarded"), reason: z.string() }),
  z.object({ action: z.literal("refused"), reason: z.string(), message: z.string() }),
  z.object({ action: z.literal("failed"), message: z.string() }),
  z.object({ error: z.string() }),
]);
export type SaveMemoryOutput = z.infer<typeof SaveMemoryOutputSchema>;

export function saveMemory(ctx: ToolContext) {
  return tool({
    description:
      "Save a fact, preference or decision the user stated about themselves to long-term memory. High confidence is saved in the background; medium confidence becomes a proposal the user confirms. Never save passwords, PINs, codes, keys, card or bank details, ID numbers, other people's sensitive matters, moods, questions or remarks about this chat: they are refused, and the result says why so you can tell the user.",
    inputSchema: SaveMemoryInputSchema,
    outputSchema: SaveMemoryOutputSchema,
    execute: async (input): Promise<SaveMemoryOutput> => {
      if (!ctx.userId) return MISSING_USER_ERROR;
      if (!(SAVEABLE_TYPES as readonly string[]).includes(input.memory_type)) {
        return { error: `Invalid memory_type "${input.memory_type}". Use one of: ${SAVEABLE_TYPES.join(", ")}.` };
      }
      const expiresAt = input.expires_at === undefined ? undefined : new Date(input.expires_at);
      if (expiresAt && (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= Date.now())) {
        return { error: `Memory not saved: expires_at "${input.expires_at}" is not a future ISO 8601 date-time.` };
      }
      const parsed = MemoryWriteRequestSchema.safeParse({
        userId: ctx.userId,
        content: input.content,
        memoryType: input.memory_type,
        confidence: Math.min(Math.max(input.confidence, 0), 1),
        importance: Math.min(Math.max(input.importance, 0), 1),
        sourceMessageId: ctx.sourceMessageId ?? undefined,
        sourceConversationId: ctx.conversationId,
        extractionType: input.supersedes ? "correction" : input.confidence >= 0.9 ? "explicit" : "implicit",
        expiresAt: expiresAt?.toISOString(),
      });
      if (!parsed.success) {
        return { error: `Memory not saved: ${parsed.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ")}` };
      }
      const request = parsed.data;
      if (request.confidence < config.memory.confidenceConfirm) {
        return { action: "discarded", reason: "Confidence too low to remember." };
      }
      try {
        // The write policy runs before anything is queued: refused content never reaches the
        // outbox, only a `refuse` audit row with a redacted preview.
        const refused = await refuseMemoryWrite({
          userId: ctx.userId,
          content: request.content,
          memoryType: request.memoryType,
          hasExpiry: request.expiresAt !== undefined,
          context: ctx.sourceText,
          preceding: ctx.sourcePreceding,
          confidence: request.confidence,
          extractionType: request.extractionType,
          correlationId: ctx.correlationId,
        });
        if (refused) return { action: "refused", reason: refused.reason ?? "policy", message: refused.message ?? "Not saved." };
        if (request.confidence < config.memory.confidenceAuto) {
          const proposal = await proposeMemory({ request, correlationId: ctx.correlationId });
          if (proposal.action !== "confirm_needed" || !proposal.proposalId) {
            return { action: "failed", message: proposal.message ?? "The proposal could not be stored." };
          }
          return { action: "confirm_needed", content: request.content, proposal_id: proposal.proposalId };
        }
        if (input.supersedes) {
          const owned = await filterOwnedMemoryIds({ userId: ctx.userId, memoryIds: [input.supersedes], statuses: ["active"] });
          if (owned.length === 0) {
            return { error: `No active memory with id ${input.supersedes} to correct. Use query_memory to find it, or save without supersedes.` };
          }
        }
        const job = await enqueueMemoryWrite({
          userId: ctx.userId,
          conversationId: ctx.conversationId,
          kind: input.supersedes ? "supersede" : "create",
          payload: input.supersedes ? { oldId: input.supersedes, request } : { request },
          correlationId: ctx.correlationId,
        });
        return { action: "queued", write_id: job.jobId, content: request.content, ...(input.supersedes ? { supersedes: input.supersedes } : {}) };
      } catch (error) {
        log.error("save_memory failed", { correlationId: ctx.correlationId, error });
        return { action: "failed", message: "Memory could not be saved right now; nothing was written." };
      }
    },
  });
}
