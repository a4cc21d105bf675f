import { generateText, stepCountIs, type ModelMessage } from "ai";
import type { MemoryWriteTestCase } from "@/eval/schemas";
import { scoreCase } from "@/eval/scorers/score-case";
import { createLocalMemoryModel } from "@/lib/ai/local-model/create-local-memory-model";
import { EPISODE_SUMMARY_SYSTEM_PROMPT } from "@/lib/ai/prompts/episode-summary-prompt";
import type { ActualWrite, MemoryWriteCaseResult } from "@/lib/eval/schemas";
import { checkMemoryWrite } from "@/lib/write-policy/check-memory-write";
import { createFakeMemoryTools } from "@/tests/support/fake-memory-tools";

const EPISODE_USER_TURNS = 10;

/**
 * One case through the offline model against an in-memory store (tests/support's fake tools,
 * which apply the write policy): the same scorers as the eval runner, without Postgres, in
 * milliseconds. For fast iteration and the unit-test gate; `npm run eval` is the full pipeline.
 */
export async function replayOfflineCase(testCase: MemoryWriteTestCase): Promise<MemoryWriteCaseResult & { refusals: { content: string; reason: string }[] }> {
  const model = createLocalMemoryModel();
  const fake = createFakeMemoryTools();
  const messages: ModelMessage[] = [];
  const started = performance.now();
  for (const message of testCase.conversation.filter((m) => m.role === "user")) {
    messages.push({ role: "user", content: message.content });
    const result = await generateText({ model, messages, tools: fake.tools, stopWhen: stepCountIs(5) });
    messages.push(...result.response.messages);
  }
  const userTurns = testCase.conversation.filter((m) => m.role === "user").length;
  const actualWrites: ActualWrite[] = fake.writes.map((w) => ({ content: w.content, type: w.type }));
  if (userTurns >= EPISODE_USER_TURNS) {
    const transcript = testCase.conversation.map((m) => `${m.role === "user" ? "User" : "Assistant"}: ${m.content}`).join("\n");
    const { text } = await generateText({ model, system: EPISODE_SUMMARY_SYSTEM_PROMPT, prompt: transcript });
    if (checkMemoryWrite({ content: text, memoryType: "episode" }).allowed) actualWrites.push({ content: text, type: "episode" });
  }
  const actualDeletes = fake.memories.filter((m) => m.status === "deleted").map((m) => ({ content: m.content, type: m.type }));
  const scored = scoreCase({ testCase, actualWrites, actualDeletes, latencyMs: performance.now() - started });
  return { ...scored, refusals: fake.refusals };
}
