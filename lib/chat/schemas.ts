import { z } from "zod";

export const ConversationIdSchema = z.uuid({ message: "must be a UUID" });

export const ConversationTitleSchema = z
  .string()
  .trim()
  .min(1, "Title cannot be empty")
  .max(200, "Title is at most 200 characters");

/** The user's turn as the chat client sends it: text only. */
export const UserTextPartSchema = z.object({
  type: z.literal("text"),
  text: z.string().trim().min(1, "Message cannot be empty").max(8000, "Message is at most 8000 characters"),
});

/** POST /api/chat body: the conversation id (client-generated for a new chat) and the new user message only. */
export const ChatRequestSchema = z.object({
  id: ConversationIdSchema,
  message: z.object({
    id: z.string().min(1).max(100),
    role: z.literal("user"),
    parts: z.array(UserTextPartSchema).min(1).max(1),
  }),
});
export type ChatRequest = z.infer<typeof ChatRequestSchema>;

/** Stored message parts are AI SDK UI parts; they are only ever produced by our own server. */
export const StoredPartsSchema = z.array(z.looseObject({ type: z.string() }));

export const ConversationSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ConversationSummary = z.infer<typeof ConversationSummarySchema>;
