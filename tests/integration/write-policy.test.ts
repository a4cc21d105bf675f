import { randomUUID } from "node:crypto";
import { createOpenAI } from "@ai-sdk/openai";
import { afterEach, describe, expect, it } from "vitest";
import { runChatTurn } from "@/lib/agent/run-chat-turn";
import { getDb } from "@/lib/db/client";
import { drainMemoryWrites } from "@/lib/jobs/drain-memory-writes";
import { confirmProposal } from "@/lib/memory/confirm-proposal";
import { createMemory } from "@/lib/memory/create-memory";
import { supersedeMemory } from "@/lib/memory/supersede-memory";
import { startFakeOpenAIServer, type ScriptedReply } from "@/tests/support/fake-openai-server";
import { createMemoryTestUser, memoryRequest, newCorrelationId } from "@/tests/support/memory-fixtures";
import { createTestUser } from "@/tests/support/test-users";

// The write policy holds whatever the model asks for: a hosted model (the real OpenAI provider
// against a local OpenAI-compatible server) tries to save a card number, a PIN and an API key
// beside a normal fact in one turn. The fact is saved; the secrets are nowhere in the database.

const CARD = "4539 1488 0343 6467";
const PIN = "8093";
const API_KEY = "sk-proj-Tz8qLm3Vx7Rb2Nc5Kd9Wf4Hj";

let server: Awaited<ReturnType<typeof startFakeOpenAIServer>> | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function hostedTurn(replies: ScriptedReply[], userId: string, conversationId: string, text: string) {
  server = await startFakeOpenAIServer(replies);
  const model = createOpenAI({ baseURL: server.baseURL, apiKey: "test-key" }).chat("fake-gpt");
  const response = await runChatTurn({
    userId,
    correlationId: randomUUID(),
    model,
    request: { id: conversationId, message: { id: randomUUID(), role: "user", parts: [{ type: "text", text }] } },
  });
  await response.text();
  // The assistant message is persisted just after the stream ends.
  for (let i = 0; i < 100 && (await getDb().message.count({ where: { conversationId, role: "assistant" } })) === 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await drainMemoryWrites({ userId, timeoutMs: 10_000 });
  return server.requests;
}

/** Every text column of every table that holds a user's data, as one string per row. */
async function dumpUserData(userId: string): Promise<string> {
  const rows = await getDb().$queryRaw<{ t: string }[]>`
    SELECT row_to_json(m)::text AS t FROM memory_items m WHERE user_id = ${userId}::uuid
    UNION ALL SELECT row_to_json(e)::text FROM memory_write_events e WHERE user_id = ${userId}::uuid
    UNION ALL SELECT row_to_json(j)::text FROM memory_write_jobs j WHERE user_id = ${userId}::uuid
    UNION ALL SELECT row_to_json(x)::text FROM messages x WHERE user_id = ${userId}::uuid
    UNION ALL SELECT row_to_json(c)::text FROM conversations c WHERE user_id = ${userId}::uuid`;
  return rows.map((r) => r.t).join("\n");
}

const digitsOf = (s: string) => s.replace(/\D/g, "");

describe("write policy in the pipeline", () => {
  it("a hosted model's save_memory with a card number, a PIN and an API key stores none of them, and the fact beside them is saved", async () => {
    const user = await createTestUser({ prefix: "policy" });
    const conversationId = randomUUID();
    const save = (content: string, memory_type = "fact") => ({ name: "save_memory", arguments: { content, memory_type, confidence: 0.95, importance: 0.6 } });
    const requests = await hostedTurn(
      [
        {
          toolCalls: [
            save(`User's card number is ${CARD}`, "note"),
            save(`User's phone PIN is ${PIN}`, "note"),
            save(`User's OpenAI API key is ${API_KEY}`, "note"),
            save("User is a paramedic in Cardiff"),
          ],
        },
        { text: "I've saved that you're a paramedic. I won't keep your card, PIN or key." },
      ],
      user.id,
      conversationId,
      `I'm a paramedic in Cardiff. My card is ${CARD}, phone PIN ${PIN}, and my key is ${API_KEY}.`,
    );

    // The model is told plainly, per call, which writes were refused and why.
    const results = (requests[1]!.messages as { role: string; content: string }[])
      .filter((m) => m.role === "tool")
      .map((m) => JSON.parse(m.content) as { action: string; reason?: string; message?: string });
    expect(results.map((r) => r.action)).toEqual(["refused", "refused", "refused", "queued"]);
    expect(results.slice(0, 3).map((r) => r.reason)).toEqual(["payment_data", "secret", "secret"]);
    expect(results[0]!.message).toMatch(/never stores/);

    const memories = await getDb().memoryItem.findMany({ where: { userId: user.id } });
    expect(memories.map((m) => m.content)).toEqual(["User is a paramedic in Cardiff"]);

    const refusals = await getDb().memoryWriteEvent.findMany({ where: { userId: user.id, operation: "refuse" }, orderBy: { seq: "asc" } });
    // The model's tool calls run concurrently: their audit rows may land in any order.
    expect(refusals.map((e) => e.reason).sort()).toEqual(["payment_data", "secret", "secret"]);
    expect(refusals.every((e) => e.memoryItemId === null && e.afterContent?.includes("removed]"))).toBe(true);

    const dump = await dumpUserData(user.id);
    expect(dump).toContain("paramedic");
    expect(digitsOf(dump)).not.toContain(digitsOf(CARD));
    expect(dump).not.toContain(API_KEY);
    expect(dump).not.toMatch(new RegExp(`PIN[^,"]*${PIN}`));
  });

  it("a bare value given in answer to a turn that named a secret is neither stored in the message nor saved by the model", async () => {
    const user = await createTestUser({ prefix: "policy" });
    const conversationId = randomUUID();
    const SSN = "318447215";
    await hostedTurn(
      [{ text: "Sure. What number should I put in the email?" }],
      user.id,
      conversationId,
      "my accountant needs my social security number for the tax return, can you draft the email?",
    );
    await server?.close();
    const requests = await hostedTurn(
      [
        { toolCalls: [{ name: "save_memory", arguments: { content: `nah just put it in: ${SSN}`, memory_type: "note", confidence: 0.9, importance: 0.5 } }] },
        { text: "Done, I won't keep it." },
      ],
      user.id,
      conversationId,
      `nah just put it in: ${SSN}. I'm a freelance photographer`,
    );
    const results = (requests[1]!.messages as { role: string; content: string }[]).filter((m) => m.role === "tool").map((m) => JSON.parse(m.content) as { action: string; reason?: string });
    expect(results).toEqual([expect.objectContaining({ action: "refused", reason: "government_id" })]);
    expect(await dumpUserData(user.id)).not.toContain(SSN);
  });

  it("refuses in the worker too (a write that reached the queue some other way), marking the job done with the refusal", async () => {
    const user = await createMemoryTestUser();
    const result = await createMemory({ request: memoryRequest(user.id, `User's IBAN is GB82 WEST 1234 5698 7654 32`), correlationId: newCorrelationId() });
    expect(result).toMatchObject({ action: "refused", reason: "payment_data" });
    expect(await getDb().memoryItem.count({ where: { userId: user.id } })).toBe(0);
    expect(digitsOf(await dumpUserData(user.id))).not.toContain("12345698765432");
  });

  it("a correction that would store a secret is refused and the old memory stays active", async () => {
    const user = await createMemoryTestUser();
    const old = await createMemory({ request: memoryRequest(user.id, "User's bike is a red Brompton"), correlationId: newCorrelationId() });
    const result = await supersedeMemory({
      userId: user.id,
      oldId: old.memoryId!,
      request: { content: "User's bike lock combination is 4417", memoryType: "fact" },
      correlationId: newCorrelationId(),
    });
    expect(result).toMatchObject({ action: "refused", reason: "secret" });
    const rows = await getDb().memoryItem.findMany({ where: { userId: user.id } });
    expect(rows.map((r) => [r.content, r.status])).toEqual([["User's bike is a red Brompton", "active"]]);
  });

  it("a pending proposal the policy now refuses is closed with its text redacted when confirmed", async () => {
    const user = await createMemoryTestUser();
    // A proposal stored before the policy existed: written straight into the table.
    const id = randomUUID();
    await getDb().memoryItem.create({
      data: { id, userId: user.id, content: "User's door code is 2580", type: "note", status: "pending", confidence: 0.6 },
    });
    const result = await confirmProposal({ userId: user.id, proposalId: id, correlationId: newCorrelationId() });
    expect(result).toMatchObject({ action: "refused", reason: "secret" });
    const row = await getDb().memoryItem.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("rejected");
    expect(row.content).not.toContain("2580");
  });

  it("junk and other people's sensitive matters are refused with their reason", async () => {
    const user = await createMemoryTestUser();
    for (const [content, reason] of [
      ["User is so tired today", "passing_state"],
      ["User's brother was arrested last year", "third_party_sensitive"],
      ["User found the answer helpful", "about_conversation"],
    ] as const) {
      expect(await createMemory({ request: memoryRequest(user.id, content), correlationId: newCorrelationId() })).toMatchObject({ action: "refused", reason });
    }
    expect(await getDb().memoryItem.count({ where: { userId: user.id } })).toBe(0);
    expect(await getDb().memoryWriteEvent.count({ where: { userId: user.id, operation: "refuse" } })).toBe(3);
  });
});
