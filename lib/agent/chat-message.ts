import type { UIMessage } from "ai";
import { z } from "zod";
import type { MemoryUITools } from "@/lib/agent/memory-tools";
import { RecalledMemorySchema } from "@/lib/memory/recall-schemas";

export const ChatMetadataSchema = z.object({
  createdAt: z.string().optional(),
  /** Which model answered, shown under assistant turns. */
  model: z.string().optional(),
  /** The memories this answer was given ("Used N memories"); the answer cites them as [n]. */
  recalled: z.array(RecalledMemorySchema).optional(),
});
export type ChatMetadata = z.infer<typeof ChatMetadataSchema>;

/** Data parts the server adds to an answer: `data-notice` says something about the turn itself (e.g. it was not saved). */
export type ChatDataParts = {
  notice: { level: "info" | "warning"; text: string };
};

/** A chat message with typed memory tool parts (`tool-save_memory` …), shared by server and UI. */
export type ChatMessage = UIMessage<ChatMetadata, ChatDataParts, MemoryUITools>;
