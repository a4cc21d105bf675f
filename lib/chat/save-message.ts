import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { redactMessageParts } from "@/lib/chat/redact-message-parts";


/**
 * Persists one UI message (its AI SDK parts as JSONB) and bumps the conversation; null when a
 * message with this id or this client id is already stored (a retried send). Secrets in the
 * text and in tool inputs and outputs are redacted first (lib/write-policy): the transcript is
 * stored, shown as a memory's source and exported, so it must not keep a password or card
 * number either. The model saw the original text during the turn; nothing later needs it.
 */
export async function saveMessage(options: {
  id?: string;
  userId: string;
  conversationId: string;
  role: "user" | "assistant";
  parts: unknown[];
  /** A user message's id on the client: the same id twice in one conversation is stored once. */
  clientId?: string;
  /** An assistant message's question. */
  replyToId?: string;
  /** For an answer, its question's text: secret values in it are redacted from the answer too. */
  secretContext?: string;
  /** The turns before this message (the last question and answer): secrets they named are redacted here. */
  secretPreceding?: string;
}): Promise<{ id: string; createdAt: Date } | null> {
  const id = options.id ?? randomUUID();
  const db = getDb();
  const [created] = await db.$transaction(async (tx) => {
    const rows = await tx.message.createManyAndReturn({
      data: [
        {
          id,
          conversationId: options.conversationId,
          userId: options.userId,
          role: options.role,
          parts: redactMessageParts(options.parts, { context: options.secretContext, preceding: options.secretPreceding }) as Prisma.InputJsonValue,
          clientId: options.clientId ?? null,
          replyToId: options.replyToId ?? null,
        },
      ],
      skipDuplicates: true,
      select: { id: true, createdAt: true },
    });
    if (rows.length > 0) {
      await tx.conversation.updateMany({ where: { id: options.conversationId, userId: options.userId }, data: { updatedAt: new Date() } });
    }
    return rows;
  });
  return created ?? null;
}
