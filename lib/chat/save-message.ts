import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Persists one UI message (its AI SDK parts as JSONB) and bumps the conversation. */
export async function saveMessage(options: {
  id?: string;
  userId: string;
  conversationId: string;
  role: "user" | "assistant";
  parts: unknown[];
}): Promise<{ id: string; createdAt: Date }> {
  const id = options.id ?? randomUUID();
  const db = getDb();
  const [message] = await db.$transaction([
    db.message.create({
      data: {
        id,
        conversationId: options.conversationId,
        userId: options.userId,
        role: options.role,
        parts: options.parts as Prisma.InputJsonValue,
      },
      select: { id: true, createdAt: true },
    }),
    db.conversation.updateMany({
      where: { id: options.conversationId, userId: options.userId },
      data: { updatedAt: new Date() },
    }),
  ]);
  return message;
}
