import "server-only";
import { getDb } from "@/lib/db/client";
import { selectLatestMessages } from "@/lib/db/messages-sql";
import { StoredPartsSchema } from "@/lib/chat/schemas";

/**
 * The text of the last question and answer before a new message in the user's conversation,
 * for the write policy only: a secret one of them asked for or named ("what's your PIN?", "the
 * form wants my SSN") is recognised in the new message however bare its value is. Empty for a
 * new conversation.
 */
export async function readPrecedingTurns(options: { userId: string; conversationId: string }): Promise<string> {
  const rows = await selectLatestMessages(getDb(), { ...options, limit: 2 });
  return rows
    .reverse()
    .map((row) => {
      const parts = StoredPartsSchema.safeParse(row.parts);
      if (!parts.success) return "";
      return parts.data.map((p) => ("text" in p && typeof p.text === "string" ? p.text : "")).join("\n");
    })
    .filter((t) => t.length > 0)
    .join("\n");
}
