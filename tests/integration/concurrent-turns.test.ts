import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { runChatTurn } from "@/lib/agent/run-chat-turn";
import { getDb } from "@/lib/db/client";
import { drainMemoryWrites } from "@/lib/jobs/drain-memory-writes";
import { createMemoryTestUser } from "@/tests/support/memory-fixtures";

// Turns of one conversation that overlap (two tabs, a double submit, a client retry) must not
// mix: each answers, and writes memories from, its own message. Offline model, real database.

// Nine: under the per-conversation write limit (10), over the episode threshold (8 user messages).
const INSTRUMENTS = ["cello", "banjo", "harp", "oboe", "tuba", "ukulele", "sitar", "bagpipes", "harmonica"];

async function send(userId: string, conversationId: string, text: string, clientId = randomUUID()) {
  const response = await runChatTurn({
    userId,
    correlationId: randomUUID(),
    request: { id: conversationId, message: { id: clientId, role: "user", parts: [{ type: "text", text }] } },
  });
  const body = await response.text();
  const reply = body
    .split("\n")
    .filter((l) => l.startsWith("data: {"))
    .map((l) => JSON.parse(l.slice(6)) as { type: string; delta?: string })
    .filter((c) => c.type === "text-delta")
    .map((c) => c.delta)
    .join("");
  return { reply, body };
}

async function waitForAnswers(conversationId: string, count: number) {
  // Generous: the suite runs many files at once on two cores.
  for (let i = 0; i < 600; i++) {
    if ((await getDb().message.count({ where: { conversationId, role: "assistant" } })) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("concurrent turns in one conversation", () => {
  it("9 turns sent at once: each reply and each memory traces to its own message, every message is stored once, one episode job", async () => {
    const user = await createMemoryTestUser();
    const conversationId = randomUUID();
    // The first turn creates the conversation; the rest arrive together.
    await send(user.id, conversationId, "Hello there");
    const turns = await Promise.all(INSTRUMENTS.map((instrument) => send(user.id, conversationId, `I play the ${instrument}.`)));

    turns.forEach(({ reply }, i) => {
      expect(reply.toLowerCase(), `turn ${i}`).toContain(INSTRUMENTS[i]);
      for (const other of INSTRUMENTS) if (other !== INSTRUMENTS[i]) expect(reply.toLowerCase(), `turn ${i}`).not.toContain(other);
    });

    await waitForAnswers(conversationId, INSTRUMENTS.length + 1);
    expect(await drainMemoryWrites({ userId: user.id, timeoutMs: 45_000 })).toMatchObject({ drained: true });
    const messages = await getDb().message.findMany({ where: { conversationId } });
    expect(messages.filter((m) => m.role === "user")).toHaveLength(INSTRUMENTS.length + 1);
    expect(messages.filter((m) => m.role === "assistant")).toHaveLength(INSTRUMENTS.length + 1);
    const textOf = (id: string | null) => JSON.stringify(messages.find((m) => m.id === id)?.parts ?? "").toLowerCase();
    // Each answer replies to the message it answers, and mentions that message's instrument only.
    for (const answer of messages.filter((m) => m.role === "assistant" && m.replyToId)) {
      const question = textOf(answer.replyToId);
      const instrument = INSTRUMENTS.find((x) => question.includes(x));
      if (instrument) expect(JSON.stringify(answer.parts).toLowerCase()).toContain(instrument);
    }

    const memories = await getDb().memoryItem.findMany({ where: { userId: user.id, type: { not: "episode" } } });
    expect(memories.length).toBe(INSTRUMENTS.length);
    for (const memory of memories) {
      const instrument = INSTRUMENTS.find((x) => memory.content.toLowerCase().includes(x));
      expect(instrument, memory.content).toBeDefined();
      expect(textOf(memory.sourceMessageId)).toContain(instrument!);
    }
    const episodeJobs = await getDb().memoryWriteJob.count({ where: { conversationId, kind: "episode" } });
    expect(episodeJobs).toBe(1);
  }, 90_000);

  it("a retried send with the same client message id is stored once and answered 409 the second time", async () => {
    const user = await createMemoryTestUser();
    const conversationId = randomUUID();
    const clientId = randomUUID();
    await send(user.id, conversationId, "I live in Dundee.", clientId);
    await expect(send(user.id, conversationId, "I live in Dundee.", clientId)).rejects.toMatchObject({ code: "conflict" });
    expect(await getDb().message.count({ where: { conversationId, role: "user" } })).toBe(1);
  });

  it("two simultaneous turns, 20 times over: neither ever answers the other's fact", async () => {
    const user = await createMemoryTestUser();
    for (let trial = 0; trial < 20; trial++) {
      const conversationId = randomUUID();
      await send(user.id, conversationId, "Hi");
      const [a, b] = await Promise.all([send(user.id, conversationId, "My dog is called Biscuit."), send(user.id, conversationId, "My cat is called Pepper.")]);
      expect(a!.reply).toMatch(/Biscuit/);
      expect(a!.reply).not.toMatch(/Pepper/);
      expect(b!.reply).toMatch(/Pepper/);
      expect(b!.reply).not.toMatch(/Biscuit/);
    }
  });
});
