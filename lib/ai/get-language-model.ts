import "server-only";
import type { LanguageModelV3 } from "@ai-sdk/provider";
import { createOpenAI } from "@ai-sdk/openai";
import { config } from "@/lib/config";
import { createLocalMemoryModel, LOCAL_MODEL_ID } from "@/lib/ai/local-model/create-local-memory-model";

/** Human-readable name of the model answering, shown in the chat UI and stored with eval runs. */
export function describeLanguageModel(): { provider: "local" | "openai"; id: string; name: string } {
  return config.llmProvider === "openai"
    ? { provider: "openai", id: config.OPENAI_CHAT_MODEL, name: config.OPENAI_CHAT_MODEL }
    : { provider: "local", id: LOCAL_MODEL_ID, name: "Mnemo offline memory model" };
}

/**
 * The configured chat model: a hosted or self-hosted OpenAI-compatible model when configured,
 * else the offline memory agent. The Chat Completions endpoint is used because that is what
 * Ollama, vLLM and LM Studio speak.
 */
export function getLanguageModel(): LanguageModelV3 {
  if (config.llmProvider === "openai") {
    const provider = createOpenAI({ apiKey: config.OPENAI_API_KEY ?? "not-needed", baseURL: config.OPENAI_BASE_URL });
    return provider.chat(config.OPENAI_CHAT_MODEL);
  }
  return createLocalMemoryModel();
}
