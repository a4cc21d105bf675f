import { randomUUID } from "node:crypto";
import { POST as chatRoute } from "@/app/api/chat/route";
import { request, type TestUser } from "@/tests/support/test-users";

export type ChatChunk = { type: string; [key: string]: unknown };

/**
 * Sends one user turn through the real /api/chat handler and reads the UI message stream to
 * the end, as the browser would. Returns the status, the parsed chunks, the assistant text and
 * the tool outputs by tool name.
 */
export async function sendChat(user: TestUser, conversationId: string, text: string) {
  const started = performance.now();
  const response = await chatRoute(
    request("/api/chat", {
      user,
      body: { id: conversationId, message: { id: randomUUID(), role: "user", parts: [{ type: "text", text }] } },
    }),
  );
  if (!response.ok) return { status: response.status, body: await response.json(), chunks: [], text: "", tools: [], ms: 0 };
  const raw = await response.text();
  const ms = performance.now() - started;
  const chunks = raw
    .split("\n")
    .filter((line) => line.startsWith("data: ") && line !== "data: [DONE]")
    .map((line) => JSON.parse(line.slice(6)) as ChatChunk);
  const answer = chunks
    .filter((c) => c.type === "text-delta")
    .map((c) => String(c.delta))
    .join("");
  const names = new Map(chunks.filter((c) => c.type === "tool-input-available").map((c) => [c.toolCallId, String(c.toolName)]));
  const tools = chunks
    .filter((c) => c.type === "tool-output-available")
    .map((c) => ({ name: names.get(c.toolCallId) ?? "?", input: chunks.find((i) => i.type === "tool-input-available" && i.toolCallId === c.toolCallId)?.input, output: c.output as Record<string, unknown> }));
  return { status: response.status, body: null, chunks, text: answer, tools, ms };
}
