import type { UIMessage } from "ai";
import { z } from "zod";
import type { MemoryUITools } from "@/lib/agent/memory-tools";

export const ChatMetadataSchema = z.object({
  createdAt: z.string().optional(),
  /** Which model answered, shown under assistant turns. */
  model: z.string().optional(),
});
export type ChatMetadata = z.infer<typeof ChatMetadataSchema>;

/** A chat message with typed memory tool parts (`tool-save_memory` …), shared by server and UI. */
export type ChatMessage = UIMessage<ChatMetadata, never, MemoryUITools>;
