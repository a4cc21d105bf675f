import "server-only";
import { randomUUID } from "node:crypto";
import type { LanguageModelV3 } from "@ai-sdk/provider";
import { convertToModelMessages, stepCountIs, streamText } from "ai";
import { config } from "@/lib/config";
import { log } from "@/lib/log";
import { ensureConversation } from "@/lib/chat/ensure-conversation";
import { listMessages } from "@/lib/chat/list-messages";
import { saveMessage } from "@/lib/chat/save-message";
import type { ChatRequest } from "@/lib/chat/schemas";
import type { ChatMessage } from "@/lib/agent/chat-message";
import { describeLanguageModel, getLanguageModel } from "@/lib/ai/get-language-model";
import { maybeEnqueueEpisode } from "@/lib/jobs/maybe-enqueue-episode";
import { memoryTools } from "@/lib/agent/memory-tools";
import { buildSystemPrompt } from "@/lib/ai/prompts/system-prompt";

const MAX_STEPS = 5;

/**
 * One chat turn, exactly as /api/chat runs it (the eval runner calls this too): load or
 * create the user's conversation, persist the user message, stream the agent's answer with
 * the memory tools, then persist the assistant message and check for an episode summary.
 * Memory writes are queued by the tools and never awaited here.
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
  const userMessage = await saveMessage({
    userId,
    conversationId: conversation.id,
    role: "user",
    parts: [{ type: "text", text }],
  });
  const history = (await listMessages({ userId, conversationId: conversation.id })) as ChatMessage[];
  const model = options.model ?? getLanguageModel();
  const modelName = options.model ? options.model.modelId : describeLanguageModel().name;

  const result = streamText({
    model,
    system: buildSystemPrompt({
      now: new Date(),
      confidenceAuto: config.memory.confidenceAuto,
      confidenceConfirm: config.memory.confidenceConfirm,
    }),
    messages: await convertToModelMessages(history),
    tools: memoryTools({ userId, conversationId: conversation.id, correlationId, sourceMessageId: userMessage.id }),
    stopWhen: stepCountIs(MAX_STEPS),
    onError: ({ error }) => log.error("model stream failed", { correlationId, error }),
  });
  // Persist the answer even when the browser goes away mid-stream.
  void Promise.resolve(result.consumeStream()).catch(() => undefined);

  return result.toUIMessageStreamResponse<ChatMessage>({
    originalMessages: history,
    generateMessageId: randomUUID,
    messageMetadata: ({ part }) =>
      part.type === "start" ? { createdAt: new Date().toISOString(), model: modelName } : undefined,
    onError: (error) => {
      log.error("chat turn failed", { correlationId, error });
      return "The assistant could not answer just now. Your message was saved; please try again.";
    },
    onFinish: async ({ responseMessage }) => {
      try {
        if (responseMessage.parts.length > 0) {
          await saveMessage({
            id: responseMessage.id,
            userId,
            conversationId: conversation.id,
            role: "assistant",
            parts: responseMessage.parts,
          });
        }
        await maybeEnqueueEpisode({ userId, conversationId: conversation.id, correlationId });
      } catch (error) {
        log.error("persisting the assistant message failed", { correlationId, error });
      }
    },
  });
}
