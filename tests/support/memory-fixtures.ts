import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db/client";
import type { MemoryWriteRequestInput } from "@/lib/memory/schemas";

// Fixtures for the memory engine's tests. Every test works as fresh users (plain rows, no
// auth session needed), so test files can share the database and run in parallel.

export async function createMemoryTestUser(): Promise<{ id: string }> {
  const id = randomUUID();
  await getDb().user.create({ data: { id, name: "Memory Test", email: `mem-${id}@test.local` } });
  return { id };
}

export async function createMemoryTestConversation(options: { userId: string }): Promise<{ id: string }> {
  const id = randomUUID();
  await getDb().conversation.create({ data: { id, userId: options.userId, title: "memory test" } });
  return { id };
}

/** Appends alternating user/assistant text messages (user first) to a conversation. */
export async function addConversationMessages(options: {
  userId: string;
  conversationId: string;
  texts: string[];
}): Promise<void> {
  const start = Date.now();
  await getDb().message.createMany({
    data: options.texts.map((text, i) => ({
      id: randomUUID(),
      conversationId: options.conversationId,
      userId: options.userId,
      role: i % 2 === 0 ? "user" : "assistant",
      parts: [{ type: "text", text }],
      createdAt: new Date(start + i),
    })),
  });
}

export function memoryRequest(userId: string, content: string, extra: Partial<MemoryWriteRequestInput> = {}): MemoryWriteRequestInput {
  return { userId, content, memoryType: "fact", ...extra };
}

export const newCorrelationId = () => randomUUID();

/** All memory rows of a user (any status), oldest first. */
export async function listAllMemories(userId: string) {
  return getDb().memoryItem.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
}

/** All audit rows of a user, in seq order. */
export async function listAllEvents(userId: string) {
  return getDb().memoryWriteEvent.findMany({ where: { userId }, orderBy: { seq: "asc" } });
}
