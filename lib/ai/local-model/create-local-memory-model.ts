import { createHash } from "node:crypto";
import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3FinishReason,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
} from "@ai-sdk/provider";
import { parseSentences } from "./extract/parse-sentences";
import { planTurn, type TurnPlan } from "./plan-turn";
import { readPrompt } from "./read-prompt";

const FALLBACK_TEXT = "Sorry, I couldn't process that message. Could you rephrase it?";

/** Rough token count (about four characters a token), so usage dashboards show plausible numbers. */
const tokens = (chars: number) => Math.ceil(chars / 4);

/** Tool names this call may use: only function tools the caller passed, and none when toolChoice is "none". */
function availableTools(options: LanguageModelV3CallOptions): Set<string> {
  if (options.toolChoice?.type === "none") return new Set();
  const names = (options.tools ?? []).flatMap((t) => (t.type === "function" ? [t.name] : []));
  if (options.toolChoice?.type === "tool") return new Set(names.filter((n) => n === (options.toolChoice as { toolName: string }).toolName));
  return new Set(names);
}

/** Plans the answer; a bug in the rules must not break the chat, so it degrades to a fixed apology. */
function safePlan(options: LanguageModelV3CallOptions, now: () => Date): TurnPlan {
  try {
    return planTurn(readPrompt(options.prompt), availableTools(options), { now: now() });
  } catch {
    return { text: FALLBACK_TEXT, toolCalls: [] };
  }
}

/** Content parts of a plan, with tool call ids derived from the prompt so equal input gives equal output. */
function toContent(plan: TurnPlan, options: LanguageModelV3CallOptions): LanguageModelV3Content[] {
  const content: LanguageModelV3Content[] = [];
  if (plan.text) content.push({ type: "text", text: plan.text });
  if (plan.toolCalls.length > 0) {
    const seed = createHash("sha256").update(JSON.stringify(options.prompt)).digest("hex");
    plan.toolCalls.forEach((call, index) => {
      const toolCallId = `call_${createHash("sha256").update(`${seed}:${index}`).digest("hex").slice(0, 24)}`;
      content.push({ type: "tool-call", toolCallId, toolName: call.toolName, input: JSON.stringify(call.input) });
    });
  }
  return content;
}

function usageOf(options: LanguageModelV3CallOptions, content: LanguageModelV3Content[]): LanguageModelV3Usage {
  const input = tokens(JSON.stringify(options.prompt).length);
  const output = tokens(content.reduce((n, c) => n + (c.type === "text" ? c.text.length : c.type === "tool-call" ? c.input.length : 0), 0));
  return {
    inputTokens: { total: input, noCache: input, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: output, text: output, reasoning: 0 },
  };
}

function finishReasonOf(content: LanguageModelV3Content[]): LanguageModelV3FinishReason {
  return content.some((c) => c.type === "tool-call") ? { unified: "tool-calls", raw: "tool_calls" } : { unified: "stop", raw: "stop" };
}

/** Splits text into chunks of a few words, keeping whitespace, as a hosted model streams it. */
function chunkText(text: string, wordsPerChunk = 3): string[] {
  const pieces = text.match(/\S+\s*/g) ?? [text];
  const chunks: string[] = [];
  for (let i = 0; i < pieces.length; i += wordsPerChunk) chunks.push(pieces.slice(i, i + wordsPerChunk).join(""));
  const lead = text.match(/^\s+/)?.[0];
  if (lead && chunks.length > 0) chunks[0] = lead + chunks[0];
  return chunks;
}

/**
 * The offline default language model: a deterministic memory agent that implements the AI SDK
 * v3 model contract, so the chat route runs the same tool loop with it as with a hosted model.
 * It saves what the user discloses about themselves, forgets on request (after a confirmation),
 * recalls, handles corrections by superseding, and writes extractive episode summaries.
 */
/** The offline model's id, as reported in responses and by /api/health. */
export const LOCAL_MODEL_ID = "mnemo-local-memory-agent";

export function createLocalMemoryModel(options: { now?: () => Date } = {}): LanguageModelV3 {
  const now = options.now ?? (() => new Date());
  // The first calls build compromise's lexicon and warm every rule path (about 100 ms); pay it here, not in a request.
  parseSentences("I am warming up.");
  const warm = readPrompt([{ role: "user", content: [{ type: "text", text: "im a student in leeds and i love jazz, can u help? I've decided to move next month. remember my dentist is on 3 May, always use metric" }] }]);
  planTurn(warm, new Set(["save_memory"]), { now: now() });
  return {
    specificationVersion: "v3",
    provider: "mnemo-local",
    modelId: LOCAL_MODEL_ID,
    supportedUrls: {},

    async doGenerate(options) {
      const content = toContent(safePlan(options, now), options);
      return {
        content,
        finishReason: finishReasonOf(content),
        usage: usageOf(options, content),
        warnings: [],
        response: { modelId: LOCAL_MODEL_ID },
      };
    },

    async doStream(options) {
      const content = toContent(safePlan(options, now), options);
      const parts: LanguageModelV3StreamPart[] = [{ type: "stream-start", warnings: [] }];
      parts.push({ type: "response-metadata", modelId: LOCAL_MODEL_ID });
      content.forEach((part, index) => {
        if (part.type === "text") {
          const id = `text-${index}`;
          parts.push({ type: "text-start", id });
          for (const delta of chunkText(part.text)) parts.push({ type: "text-delta", id, delta });
          parts.push({ type: "text-end", id });
        } else if (part.type === "tool-call") {
          parts.push({ type: "tool-input-start", id: part.toolCallId, toolName: part.toolName });
          parts.push({ type: "tool-input-delta", id: part.toolCallId, delta: part.input });
          parts.push({ type: "tool-input-end", id: part.toolCallId });
          parts.push(part);
        }
      });
      parts.push({ type: "finish", finishReason: finishReasonOf(content), usage: usageOf(options, content) });
      const stream = new ReadableStream<LanguageModelV3StreamPart>({
        start(controller) {
          for (const part of parts) controller.enqueue(part);
          controller.close();
        },
      });
      return { stream };
    },
  };
}
