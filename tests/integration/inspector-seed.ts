import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { createMemory } from "@/lib/memory/create-memory";
import { proposeMemory } from "@/lib/memory/propose-memory";
import type { MemoryType } from "@/lib/db/enums";
import { supersedeMemory } from "@/lib/memory/supersede-memory";

// Seeds memories through the real write path (rate limits, embeddings, audit rows), so what
// the inspector reads is what the engine writes.

export async function seedConversation(userId: string, text: string) {
  const conversationId = randomUUID();
  const messageId = randomUUID();
  await getDb().conversation.create({ data: { id: conversationId, userId, title: "Food chat" } });
  await getDb().message.create({ data: { id: messageId, conversationId, userId, role: "user", parts: [{ type: "text", text }] } });
  return { conversationId, messageId };
}

export async function seedMemory(
  userId: string,
  content: string,
  options: { type?: MemoryType; importance?: number; source?: { conversationId: string; messageId: string } } = {},
): Promise<string> {
  const result = await createMemory({
    request: {
      userId,
      content,
      memoryType: options.type ?? "fact",
      importance: options.importance ?? 0.5,
      confidence: 0.9,
      sourceConversationId: options.source?.conversationId,
      sourceMessageId: options.source?.messageId,
    },
    correlationId: randomUUID(),
  });
  if (result.action !== "created" || !result.memoryId) throw new Error(`seed create failed: ${JSON.stringify(result)}`);
  return result.memoryId;
}

export async function seedSupersede(userId: string, oldId: string, content: string): Promise<string> {
  const result = await supersedeMemory({ userId, oldId, request: { content, memoryType: "fact" }, correlationId: randomUUID() });
  if (!result.memoryId) throw new Error(`seed supersede failed: ${JSON.stringify(result)}`);
  return result.memoryId;
}

export async function seedProposal(userId: string, content: string): Promise<string> {
  const result = await proposeMemory({
    request: { userId, content, memoryType: "preference", confidence: 0.6, extractionType: "implicit" },
    correlationId: randomUUID(),
  });
  if (result.action !== "confirm_needed" || !result.proposalId) throw new Error(`seed proposal failed: ${JSON.stringify(result)}`);
  return result.proposalId;
}
