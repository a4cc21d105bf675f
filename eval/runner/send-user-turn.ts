import "server-only";
import { randomUUID } from "node:crypto";
import { runChatTurn } from "@/lib/agent/run-chat-turn";

/** Options for {@link sendUserTurn}. */
export type SendUserTurnOptions = {
  userId: string;
  conversationId: string;
  text: string;
  /** Abandons the turn (and reports an error) when its answer has not finished streaming by then. */
  timeoutMs: number;
};

/**
 * Sends one user message through the same code path as POST /api/chat and reads the streamed
 * answer to its end, which is what completes the turn (the assistant message is persisted when
 * the stream finishes). Never throws for a failed turn: the eval records the error and goes on.
 */
export async function sendUserTurn(options: SendUserTurnOptions): Promise<{ latencyMs: number; error?: string }> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let timer: NodeJS.Timeout | undefined;
  try {
    const response = await runChatTurn({
      userId: options.userId,
      correlationId: randomUUID(),
      request: {
        id: options.conversationId,
        message: { id: randomUUID(), role: "user", parts: [{ type: "text", text: options.text }] },
      },
    });
    if (!response.ok || !response.body) {
      return { latencyMs: elapsed(), error: `chat turn answered HTTP ${response.status}` };
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    const timedOut = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), options.timeoutMs);
    });
    let streamError: string | undefined;
    let pending = "";
    for (;;) {
      const next = await Promise.race([reader.read(), timedOut]);
      if (next === "timeout") {
        await reader.cancel().catch(() => undefined);
        return { latencyMs: elapsed(), error: `chat turn did not finish within ${options.timeoutMs} ms` };
      }
      if (next.done) break;
      pending += next.value;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      streamError ??= lines.map(readStreamError).find((message) => message !== undefined);
    }
    streamError ??= readStreamError(pending);
    return { latencyMs: elapsed(), ...(streamError ? { error: `chat turn streamed an error: ${streamError}` } : {}) };
  } catch (error) {
    return { latencyMs: elapsed(), error: `chat turn failed: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    clearTimeout(timer);
  }
}

// The UI message stream is server-sent events of JSON chunks; a failure arrives as
// {"type":"error","errorText":...} inside an otherwise successful 200 response.
function readStreamError(line: string): string | undefined {
  if (!line.startsWith("data: ")) return undefined;
  try {
    const chunk = JSON.parse(line.slice("data: ".length)) as { type?: unknown; errorText?: unknown };
    return chunk.type === "error" ? String(chunk.errorText ?? "unknown error") : undefined;
  } catch {
    return undefined; // "[DONE]" and any non-JSON keep-alive
  }
}
