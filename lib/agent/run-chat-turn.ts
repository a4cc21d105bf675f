import "server-only";
import { randomUUID } from "node:crypto";
import type { LanguageModelV3 } from "@ai-sdk/provider";
import { convertToModelMessages, createUIMessageStream, createUIMessageStreamResponse, stepCountIs, streamText } from "ai";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { persistAnswer } from "@/lib/agent/persist-answer";
import { ensureConversation } from "@/lib/chat/ensure-conversation";
import { listMessages } from "@/lib/chat/list-messages";
import { readPrecedingTurns } from "@/lib/chat/read-preceding-turns";
import { saveMessage } from "@/lib/chat/save-message";
import type { ChatRequest } from "@/lib/chat/schemas";
import type { ChatMessage } from "@/lib/agent/chat-message";
import { describeLanguageModel, getLanguageModel } from "@/lib/ai/get-language-model";
import { maybeEnqueueEpisode } from "@/lib/jobs/maybe-enqueue-episode";
import { memoryTools } from "@/lib/agent/memory-tools";
import { buildRecallBlock } from "@/lib/ai/prompts/recall-block";
import { buildSystemPrompt } from "@/lib/ai/prompts/system-prompt";
import { getDb } from "@/lib/db/client";
import { insertMemoryRecalls } from "@/lib/db/memory-recalls-sql";
import { recallMemories } from "@/lib/memory/recall-memories";

const MAX_STEPS = 5;

/**
 * One chat turn, exactly as /api/chat runs it (the eval runner calls this too): load or
 * create the user's conversation, persist the user message, recall the user's relevant
 * memories into the prompt, stream the agent's answer with the memory tools, then persist the
 * answer with the memories it was given and check for an episode summary. Memory writes are
 * queued by the tools and never awaited here.
 */
export async function runChatTurn(options: {
  userId: string;
  request: ChatRequest;
  correlationId: string;
  model?: LanguageModelV3;
}): Promise<Response> {
  const { userId, request, correlationId } = options;
  const text = request.message.parts.map((p) => p.text).join("\n");
  const conversation = await ensureConversation({ userId, conversationId: request.id, firstMessageText: text });
  // The turns before this one, read before it is stored: a bare value answering "what's your
  // PIN?" must be redacted in the stored message and refused in any memory.
  const preceding = await readPrecedingTurns({ userId, conversationId: conversation.id });
  const userMessage = await saveMessage({
    userId,
    conversationId: conversation.id,
    role: "user",
    parts: [{ type: "text", text }],
    clientId: request.message.id,
    secretPreceding: preceding,
  });
  if (!userMessage) {
    throw new AppError("conflict", "This message was already sent. Reload the conversation to see its answer.");
  }
  // Turns of one conversation may overlap (two tabs, a double submit): each one answers, and
  // writes memories from, its own message, seeing the history only up to it.
  const history = (await listMessages({ userId, conversationId: conversation.id, upTo: userMessage.id })) as ChatMessage[];
  const model = options.model ?? getLanguageModel();
  const modelName = options.model ? options.model.modelId : describeLanguageModel().name;
  // Recall: the user's relevant memories go in front of the model as a data block; which ones
  // is recorded with the answer. A failing search costs the personalisation, not the turn.
  const previousMessage = history
    .slice(0, -1)
    .findLast((m) => m.role === "user")
    ?.parts.map((p) => (p.type === "text" ? p.text : ""))
    .join(" ");
  const recalled = await recallMemories({ userId, message: text, previousMessage }).catch((error: unknown) => {
    log.warn("recall failed; answering without memories", { correlationId, error });
    return [];
  });
  const answerId = randomUUID();

  const result = streamText({
    model,
    system: buildSystemPrompt({
      now: new Date(),
      confidenceAuto: config.memory.confidenceAuto,
      confidenceConfirm: config.memory.confidenceConfirm,
      recallBlock: buildRecallBlock(recalled),
    }),
    messages: await convertToModelMessages(history),
    tools: memoryTools({ userId, conversationId: conversation.id, correlationId, sourceMessageId: userMessage.id, sourceText: text, sourcePreceding: preceding }),
    stopWhen: stepCountIs(MAX_STEPS),
    onError: ({ error }) => log.error("model stream failed", { correlationId, error }),
  });
  // Persist the answer even when the browser goes away mid-stream.
  void Promise.resolve(result.consumeStream()).catch(() => undefined);

  const stream = createUIMessageStream<ChatMessage>({
    originalMessages: history,
    generateId: randomUUID,
    onError: (error) => {
      log.error("chat turn failed", { correlationId, error });
      return "The assistant could not answer just now. Your message was saved; please try again.";
    },
    execute: async ({ writer }) => {
      let answered: (message: ChatMessage) => void = () => undefined;
      const answer = new Promise<ChatMessage>((resolve) => (answered = resolve));
      writer.merge(
        result.toUIMessageStream<ChatMessage>({
          originalMessages: history,
          generateMessageId: () => answerId,
          // The finish part is sent below, once the answer is stored (or known not to be).
          sendFinish: false,
          messageMetadata: ({ part }) =>
            part.type === "start" ? { createdAt: new Date().toISOString(), model: modelName, recalled } : undefined,
          onError: (error) => {
            log.error("chat turn failed", { correlationId, error });
            return "The assistant could not answer just now. Your message was saved; please try again.";
          },
          onFinish: ({ responseMessage }) => answered(responseMessage),
        }),
      );
      const responseMessage = await answer;
      if (responseMessage.parts.length > 0) {
        const save = async () => {
          await saveMessage({
            id: responseMessage.id,
            userId,
            conversationId: conversation.id,
            role: "assistant",
            parts: responseMessage.parts,
            replyToId: userMessage.id,
            secretContext: text,
            secretPreceding: preceding,
          });
          await insertMemoryRecalls(getDb(), {
            userId,
            messageId: responseMessage.id,
            items: recalled.map((m) => ({ memoryId: m.id, rank: m.n, relevance: m.relevance })),
          });
        };
        const saved = await save().then(
          () => true,
          () => false,
        );
        if (!saved) {
          // The database went away mid-turn: say so on the turn, and keep trying in the background.
          writer.write({
            type: "data-notice",
            data: { level: "warning", text: "This answer could not be saved yet; it will be kept once the database is back." },
          });
          void persistAnswer({ correlationId, save });
        }
      }
      writer.write({ type: "finish" });
      try {
        await maybeEnqueueEpisode({ userId, conversationId: conversation.id, correlationId });
      } catch (error) {
        log.warn("episode check failed; the next turn checks again", { correlationId, error });
      }
    },
  });
  // no-transform: a token stream is not worth gzipping chunk by chunk (and a proxy must not buffer it).
  return createUIMessageStreamResponse({ stream, headers: { "Cache-Control": "no-store, no-transform" } });
}
