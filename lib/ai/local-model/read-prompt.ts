import type { LanguageModelV3Prompt, LanguageModelV3ToolResultOutput } from "@ai-sdk/provider";

/** One tool call the assistant made and, once it ran, what came back. */
export type ToolExchange = {
  toolCallId: string;
  toolName: string;
  input: Record<string, unknown>;
  /** The tool's result as plain JSON; undefined while the call has no result in the prompt */
  output: unknown;
};

/** A user message and everything the assistant did in reply to it. */
export type Turn = {
  userText: string;
  assistantText: string;
  exchanges: ToolExchange[];
};

export type PromptView = {
  system: string;
  turns: Turn[];
  /** The turn being answered: the last user message and the steps taken for it so far */
  current: Turn | undefined;
  /** The turn before, where a question like "Reply yes to forget them" was asked */
  previous: Turn | undefined;
};

function outputValue(output: LanguageModelV3ToolResultOutput): unknown {
  switch (output.type) {
    case "json":
      return output.value;
    case "text":
      try {
        return JSON.parse(output.value) as unknown;
      } catch {
        return { text: output.value };
      }
    case "error-text":
      return { error: output.value };
    case "error-json":
      return { error: JSON.stringify(output.value) };
    case "execution-denied":
      return { error: output.reason ?? "The tool call was denied." };
    default:
      return { text: "" };
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  if (typeof value === "string") {
    try {
      return asRecord(JSON.parse(value));
    } catch {
      return {};
    }
  }
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * Regroups the flat v3 prompt into turns so the agent can reason about "what I already did
 * for this message" (tool results of earlier steps) and "what I asked last time" (delete
 * candidates, proposals awaiting a yes).
 */
export function readPrompt(prompt: LanguageModelV3Prompt): PromptView {
  const systemParts: string[] = [];
  const turns: Turn[] = [];
  const byCallId = new Map<string, ToolExchange>();
  for (const message of Array.isArray(prompt) ? prompt : []) {
    if (message.role === "system") {
      systemParts.push(typeof message.content === "string" ? message.content : "");
      continue;
    }
    if (message.role === "user") {
      const text = message.content.flatMap((p) => (p.type === "text" ? [p.text] : [])).join("\n");
      turns.push({ userText: text, assistantText: "", exchanges: [] });
      continue;
    }
    const turn = turns.at(-1);
    if (!turn) continue; // an assistant greeting before the first user message carries nothing to act on
    for (const part of message.content) {
      if (part.type === "text" && message.role === "assistant") {
        turn.assistantText += (turn.assistantText ? "\n" : "") + part.text;
      } else if (part.type === "tool-call") {
        const exchange = { toolCallId: part.toolCallId, toolName: part.toolName, input: asRecord(part.input), output: undefined };
        byCallId.set(part.toolCallId, exchange);
        turn.exchanges.push(exchange);
      } else if (part.type === "tool-result") {
        const exchange = byCallId.get(part.toolCallId);
        if (exchange) exchange.output = outputValue(part.output);
        else turn.exchanges.push({ toolCallId: part.toolCallId, toolName: part.toolName, input: {}, output: outputValue(part.output) });
      }
    }
  }
  return { system: systemParts.join("\n"), turns, current: turns.at(-1), previous: turns.at(-2) };
}
