import { randomUUID } from "node:crypto";
import { createOpenAI } from "@ai-sdk/openai";
import { afterEach, describe, expect, it } from "vitest";
import { runChatTurn } from "@/lib/agent/run-chat-turn";
import { getDb } from "@/lib/db/client";
import { createMemory } from "@/lib/memory/create-memory";
import { drainMemoryWrites } from "@/lib/jobs/drain-memory-writes";
import { startFakeOpenAIServer, type ScriptedReply } from "@/tests/support/fake-openai-server";
import { createTestUser } from "@/tests/support/test-users";

// The hosted path: the real @ai-sdk/openai provider (Chat Completions, as Ollama, vLLM and
// LM Studio speak it) against a local OpenAI-compatible server that streams tool calls.

let server: Awaited<ReturnType<typeof startFakeOpenAIServer>> | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function turn(replies: ScriptedReply[], userId: string, conversationId: string, text: string) {
  server = await startFakeOpenAIServer(replies);
  const model = createOpenAI({ baseURL: server.baseURL, apiKey: "test-key" }).chat("fake-gpt");
  const response = await runChatTurn({
    userId,
    correlationId: randomUUID(),
    model,
    request: { id: conversationId, message: { id: randomUUID(), role: "user", parts: [{ type: "text", text }] } },
  });
  const body = await response.text();
  const chunks = body
    .split("\n")
    .filter((l) => l.startsWith("data: ") && l !== "data: [DONE]")
    .map((l) => JSON.parse(l.slice(6)) as Record<string, unknown>);
  return { chunks, requests: server.requests };
}

describe("OpenAI-compatible provider over the wire", () => {
  it("runs the full tool loop: streamed tool call → tool executes → result sent back → final text", async () => {
    const user = await createTestUser({ prefix: "openai" });
    const conversationId = randomUUID();
    const { chunks, requests } = await turn(
      [
        { toolCalls: [{ name: "save_memory", arguments: { content: "User is a vegetarian", memory_type: "fact", confidence: 0.9, importance: 0.6 } }] },
        { text: "Got it, I'll remember that you're a vegetarian." },
      ],
      user.id,
      conversationId,
      "I'm a vegetarian",
    );
    expect(requests).toHaveLength(2);
    // The first request advertises the three tools with their JSON schemas.
    const tools = (requests[0]!.tools as { function: { name: string } }[]).map((t) => t.function.name).sort();
    expect(tools).toEqual(["delete_memory", "query_memory", "save_memory"]);
    expect(requests[0]!.stream).toBe(true);
    // The second carries the tool result back to the model.
    const toolMessage = (requests[1]!.messages as { role: string; content: string }[]).find((m) => m.role === "tool");
    expect(JSON.parse(toolMessage!.content)).toMatchObject({ action: "queued", content: "User is a vegetarian" });
    expect(chunks.filter((c) => c.type === "text-delta").map((c) => c.delta).join("")).toBe(
      "Got it, I'll remember that you're a vegetarian.",
    );
    await drainMemoryWrites({ userId: user.id, timeoutMs: 10_000 });
    const memory = await getDb().memoryItem.findFirstOrThrow({ where: { userId: user.id } });
    expect(memory).toMatchObject({ content: "User is a vegetarian", status: "active", sourceConversationId: conversationId });
    const assistant = await getDb().message.findFirstOrThrow({ where: { conversationId, role: "assistant" } });
    expect(JSON.stringify(assistant.parts)).toContain("tool-save_memory");
  });

  it("a model naming another user's memory ids cannot delete or supersede them", async () => {
    const alice = await createTestUser({ prefix: "alice" });
    const mallory = await createTestUser({ prefix: "mallory" });
    const target = await createMemory({ request: { userId: alice.id, content: "User is a vegetarian", memoryType: "fact" }, correlationId: randomUUID() });
    const { chunks } = await turn(
      [
        {
          toolCalls: [
            { name: "delete_memory", arguments: { description: "vegetarian", confirm: true, memory_ids: [target.memoryId] } },
            { name: "save_memory", arguments: { content: "User eats meat", memory_type: "fact", confidence: 0.95, supersedes: target.memoryId } },
          ],
        },
        { text: "Done." },
      ],
      mallory.id,
      randomUUID(),
      "forget alice's diet",
    );
    const outputs = chunks.filter((c) => c.type === "tool-output-available").map((c) => c.output as Record<string, unknown>);
    expect(outputs).toHaveLength(2);
    expect(outputs.every((o) => typeof o.error === "string")).toBe(true);
    await drainMemoryWrites({ timeoutMs: 5_000, userId: mallory.id });
    expect(await getDb().memoryItem.findUniqueOrThrow({ where: { id: target.memoryId! } })).toMatchObject({ status: "active", supersededBy: null });
    expect(await getDb().memoryWriteJob.count({ where: { userId: mallory.id } })).toBe(0);
  });

  it("a model failure becomes a clear error in the stream, and the user's message is kept", async () => {
    const user = await createTestUser({ prefix: "openai-down" });
    const conversationId = randomUUID();
    const response = await runChatTurn({
      userId: user.id,
      correlationId: randomUUID(),
      model: createOpenAI({ baseURL: "http://127.0.0.1:9/v1", apiKey: "x" }).chat("nowhere"),
      request: { id: conversationId, message: { id: randomUUID(), role: "user", parts: [{ type: "text", text: "I'm a vegetarian" }] } },
    });
    const body = await response.text();
    expect(body).toContain('"type":"error"');
    expect(body).toContain("could not answer");
    expect(await getDb().message.count({ where: { conversationId, role: "user" } })).toBe(1);
  });
});
