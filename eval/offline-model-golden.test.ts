import { readFileSync } from "node:fs";
import path from "node:path";
import { generateText, stepCountIs, type ModelMessage } from "ai";
import { describe, expect, it } from "vitest";
import { EPISODE_SUMMARY_SYSTEM_PROMPT } from "@/lib/ai/prompts/episode-summary-prompt";
import { MemoryWriteDatasetSchema, type MemoryWriteDataset } from "@/eval/schemas";
import { type ActualWrite, type MemoryWriteCaseResult } from "@/lib/eval/schemas";
import { computeMetrics } from "@/eval/scorers/compute-metrics";
import { scoreCase } from "@/eval/scorers/score-case";
import { createLocalMemoryModel } from "@/lib/ai/local-model/create-local-memory-model";
import { createFakeMemoryTools } from "@/tests/support/fake-memory-tools";

// Offline replay of the golden dataset against an in-memory store: the same scorers as the eval
// runner, without Postgres, so a regression in the model's rules shows up in unit tests.
const evalDir = import.meta.dirname;
const load = (file: string) => MemoryWriteDatasetSchema.parse(JSON.parse(readFileSync(path.join(evalDir, file), "utf8")));
const EPISODE_USER_TURNS = 10;

async function replay(testCase: MemoryWriteDataset["cases"][number]): Promise<MemoryWriteCaseResult> {
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
    actualWrites.push({ content: text, type: "episode" });
  }
  const actualDeletes = fake.memories.filter((m) => m.status === "deleted").map((m) => ({ content: m.content, type: m.type }));
  return scoreCase({ testCase, actualWrites, actualDeletes, latencyMs: performance.now() - started });
}

describe.each(["memory_write_golden_dataset.json", "datasets/memory_write_smoke_dataset.json"])("%s (offline replay)", (file) => {
  it("meets the precision and recall gate", async () => {
    const dataset = load(file);
    const results: MemoryWriteCaseResult[] = [];
    for (const testCase of dataset.cases) results.push(await replay(testCase));
    const metrics = computeMetrics({ cases: dataset.cases, results });
    const misses = results.filter((r) => r.precision < 1 || r.recall < 1 || r.delete_precision < 1 || r.delete_recall < 1);
    // The misses ride along in the failure message, so a regression says which cases broke.
    const detail = JSON.stringify({ metrics, misses }, null, 2);
    expect(metrics.extraction_precision, detail).toBeGreaterThanOrEqual(0.85);
    expect(metrics.extraction_recall, detail).toBeGreaterThanOrEqual(0.7);
  });
});
