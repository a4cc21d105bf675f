import "server-only";
import { randomUUID } from "node:crypto";
import type { LanguageModelV3 } from "@ai-sdk/provider";
import { generateText } from "ai";
import { z } from "zod";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { insertMemoryEvent } from "@/lib/db/memory-events-sql";
import { insertMemoryItem, selectEpisodeForConversation } from "@/lib/db/memory-items-sql";
import { getLanguageModel } from "@/lib/ai/get-language-model";
import { EPISODE_SUMMARY_SYSTEM_PROMPT } from "@/lib/ai/prompts/episode-summary-prompt";
import { embedText } from "@/lib/embeddings/embed-text";
import { AppError } from "@/lib/errors";
import { refuseMemoryWrite } from "@/lib/memory/refuse-memory-write";
import { runMemoryTransaction } from "@/lib/memory/run-memory-transaction";
import type { MemoryWriteResponse } from "@/lib/memory/schemas";
import { hasEpisodeFlag, setEpisodeFlag } from "@/lib/redis/flags";

const OptionsSchema = z.object({
  conversationId: z.string().uuid(),
  userId: z.string().uuid(),
  correlationId: z.string().uuid(),
});

// The summary prompt gets the end of long conversations; the model's context is finite.
const MAX_TRANSCRIPT_CHARS = 24_000;
const PartsSchema = z.array(z.object({ type: z.string(), text: z.string().optional() }).passthrough()).catch([]);

function messageText(parts: unknown): string {
  return PartsSchema.parse(parts)
    .filter((p) => p.type === "text" && p.text)
    .map((p) => p.text)
    .join("\n")
    .trim();
}

/**
 * Summarises a long conversation into one `episode` memory, once per conversation: only with
 * at least EPISODE_USER_MESSAGE_THRESHOLD user messages or EPISODE_TOTAL_MESSAGE_THRESHOLD in
 * total. The Redis flag is the fast path; the database check under the user's write lock is
 * what makes "once" hold without Redis or under concurrency. Returns null when nothing is due.
 */
export async function createEpisodeSummary(options: {
  conversationId: string;
  userId: string;
  correlationId: string;
  /** The summariser; defaults to the configured language model (offline by default). */
  model?: LanguageModelV3;
  /** Internal: the queued job this write performs. */
  jobId?: string;
}): Promise<MemoryWriteResponse | null> {
  const startedAt = performance.now();
  const { conversationId, userId, correlationId } = OptionsSchema.parse(options);
  if (await hasEpisodeFlag({ conversationId })) return null;

  const db = getDb();
  const conversation = await db.conversation.findFirst({ where: { id: conversationId, userId }, select: { id: true } });
  if (!conversation) throw new AppError("not_found", "That conversation does not exist.");
  if (await selectEpisodeForConversation(db, { userId, conversationId })) {
    await setEpisodeFlag({ conversationId });
    return null;
  }
  const messages = await db.message.findMany({
    where: { conversationId, userId },
    orderBy: { createdAt: "asc" },
    select: { role: true, parts: true },
  });
  const userCount = messages.filter((m) => m.role === "user").length;
  if (userCount < config.memory.episodeUserMessageThreshold && messages.length < config.memory.episodeTotalMessageThreshold) {
    return null;
  }

  const transcript = messages
    .filter((m) => m.role === "user" || m.role === "assistant")
    .map((m) => `${m.role === "user" ? "User" : "Assistant"}: ${messageText(m.parts)}`)
    .join("\n")
    .slice(-MAX_TRANSCRIPT_CHARS);
  const model = options.model ?? getLanguageModel();
  const { text } = await generateText({ model, system: EPISODE_SUMMARY_SYSTEM_PROMPT, prompt: transcript });
  const content = text.trim().slice(0, 2000);
  if (!content) throw new Error("the language model returned an empty episode summary");
  const refused = await refuseMemoryWrite({
    userId,
    content,
    memoryType: "episode",
    confidence: 1,
    extractionType: "episode",
    correlationId,
    jobId: options.jobId,
    startedAt,
  });
  if (refused) {
    await setEpisodeFlag({ conversationId });
    return refused;
  }
  const embedding = await embedText({ text: content });

  const { result } = await runMemoryTransaction({
    userId,
    jobId: options.jobId,
    work: async (tx) => {
      if (await selectEpisodeForConversation(tx, { userId, conversationId })) {
        return { result: null, events: [] };
      }
      const memoryId = randomUUID();
      await insertMemoryItem(tx, {
        id: memoryId,
        userId,
        content,
        type: "episode",
        embedding,
        importance: 0.6,
        confidence: 1,
        sourceConversationId: conversationId,
        status: "active",
      });
      const event = await insertMemoryEvent(tx, {
        userId,
        memoryItemId: memoryId,
        operation: "create",
        confidence: 1,
        extractionType: "episode",
        afterContent: content,
        correlationId,
        processingTimeMs: performance.now() - startedAt,
      });
      const result: MemoryWriteResponse = { action: "created", memoryId, content };
      return { result, events: [event] };
    },
  });
  await setEpisodeFlag({ conversationId });
  return result;
}
