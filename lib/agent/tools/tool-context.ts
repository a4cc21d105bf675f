import { z } from "zod";

/**
 * What every tool closes over. All of it comes from the server (the session and the route),
 * never from the model or the client.
 */
export const ToolContextSchema = z.object({
  userId: z.uuid().nullable(),
  conversationId: z.uuid(),
  correlationId: z.uuid(),
  sourceMessageId: z.uuid().nullable(),
  /** The text of the user's message this turn answers, for the write policy's context only. */
  sourceText: z.string().nullable().default(null),
  /** The turns before it (the last answer and user message): secrets they named, for the write policy. */
  sourcePreceding: z.string().nullable().default(null),
});
export type ToolContext = z.input<typeof ToolContextSchema>;

/** The error result a tool returns instead of throwing, so the model can read it and recover. */
export const ToolErrorSchema = z.object({ error: z.string() });
export type ToolError = z.infer<typeof ToolErrorSchema>;

export const MISSING_USER_ERROR: ToolError = { error: "No authenticated user in this conversation; memory is unavailable." };
