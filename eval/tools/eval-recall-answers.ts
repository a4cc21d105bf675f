// Recall in use, measured end to end (npm run eval:recall -- <dataset>): each user of a recall
// dataset (eval/datasets/recall_*.json) gets their memories written through the real write
// path, then asks each question in a NEW conversation through the real chat pipeline (the
// configured model; the offline one by default). An answer is right when it cites a memory
// that answers the question ([n] from the recall block), or cites nothing when nothing does.
// Prints the share answered from the right memory, how often retrieval had the right memory at
// all, and any citation of another user's or a deleted memory (must be 0).
//
//   node --conditions=react-server --import tsx eval/tools/eval-recall-answers.ts eval/datasets/recall_dev.json [--failures]
//
// --failures prints each wrong answer; never on a *_test.json part (those are only ever read
// as aggregates). Uses DATABASE_URL like `npm run eval` (a database of its own).
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { scoreRecallAnswer, type RecallAnswerVerdict } from "@/eval/recall/score-recall-answer";
import { RecallDatasetSchema } from "@/eval/recall/schemas";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { failures: { type: "boolean", default: false } } });
const file = positionals[0];
if (!file) {
  console.error("usage: eval-recall-answers.ts <recall dataset> [--failures]");
  process.exit(2);
}
if (values.failures && /_test\.json$/.test(file)) {
  console.error("refusing --failures on a test part: its cases are only ever read as aggregates");
  process.exit(2);
}
process.env.LOG_LEVEL ??= "warn";

const dataset = RecallDatasetSchema.parse(JSON.parse(await readFile(file, "utf8")));
const { prepareEvalDatabase } = await import("@/eval/runner/prepare-eval-database");
const { closeEvalConnections } = await import("@/eval/runner/close-eval-connections");
const { getDb } = await import("@/lib/db/client");
const { createMemory } = await import("@/lib/memory/create-memory");
const { runChatTurn } = await import("@/lib/agent/run-chat-turn");
await prepareEvalDatabase();

type Row = RecallAnswerVerdict & { kind: string; question: string; answer: string; expected: string[] };
const rows: Row[] = [];
const latencies: number[] = [];
const runId = randomUUID().slice(0, 8);
try {
  for (const user of dataset.users) {
    const db = getDb();
    const account = await db.user.create({ data: { email: `recall-${runId}-${user.id}@eval.invalid`, name: `Recall ${user.id}`, role: "user" }, select: { id: true } });
    try {
      const idOf = new Map<string, string>();
      for (const memory of user.memories) {
        const written = await createMemory({
          request: { userId: account.id, content: memory.content, memoryType: memory.type, confidence: 0.95 },
          correlationId: randomUUID(),
          rateLimitCounted: true,
        });
        const id = written.memoryId ?? written.duplicateOf;
        if (id) idOf.set(memory.id, id);
      }
      const ownIds = new Set(idOf.values());
      for (const question of user.questions) {
        const started = performance.now();
        const response = await runChatTurn({
          userId: account.id,
          correlationId: randomUUID(),
          request: { id: randomUUID(), message: { id: randomUUID(), role: "user", parts: [{ type: "text", text: question.text }] } },
        });
        const chunks = (await response.text())
          .split("\n")
          .filter((l) => l.startsWith("data: {"))
          .map((l) => JSON.parse(l.slice(6)) as { type: string; delta?: string; messageMetadata?: { recalled?: { n: number; id: string }[] } });
        latencies.push(performance.now() - started);
        const answer = chunks.filter((c) => c.type === "text-delta").map((c) => c.delta).join("");
        const recalled = chunks.find((c) => c.type === "start")?.messageMetadata?.recalled ?? [];
        const expected = question.expected_memory_ids.map((id) => idOf.get(id)).filter((id): id is string => Boolean(id));
        const verdict = scoreRecallAnswer({ answer, recalled, expectedIds: expected, ownIds });
        rows.push({ ...verdict, kind: question.kind, question: question.text, answer, expected: question.expected_memory_ids });
        if (values.failures && !verdict.correct) {
          const memories = user.memories.filter((m) => question.expected_memory_ids.includes(m.id)).map((m) => m.content);
          console.log(`${question.id} [${question.kind}] ${question.text}\n    expected ${memories.join(" | ") || "(nothing)"}\n    answer   ${answer.replace(/\s+/g, " ").slice(0, 200)}\n    recalled-expected=${verdict.recalledExpected}`);
        }
      }
    } finally {
      await db.user.delete({ where: { id: account.id } });
    }
  }
} finally {
  await closeEvalConnections();
}

const share = (filter: (r: Row) => boolean, of: Row[]) => (of.length ? of.filter(filter).length / of.length : 1);
const answerable = rows.filter((r) => r.expected.length > 0);
const sorted = [...latencies].sort((a, b) => a - b);
const p = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((q / 100) * sorted.length) - 1)] ?? 0);
console.log(`\n${file}: ${rows.length} questions (${answerable.length} answerable) from ${dataset.users.length} users`);
console.log(`  answered from the right memory: ${(share((r) => r.correct, rows) * 100).toFixed(1)}%  (answerable: ${(share((r) => r.correct, answerable) * 100).toFixed(1)}%, nothing-to-recall: ${(share((r) => r.correct, rows.filter((r) => r.expected.length === 0)) * 100).toFixed(1)}%)`);
console.log(`  right memory recalled into the prompt: ${(share((r) => r.recalledExpected, answerable) * 100).toFixed(1)}% of answerable`);
console.log(`  citations of another user's or a deleted memory: ${rows.filter((r) => r.citedForeign).length}`);
for (const kind of ["direct", "indirect", "lexical", "none"]) {
  const of = rows.filter((r) => r.kind === kind);
  if (of.length) console.log(`  ${kind.padEnd(9)} ${String(of.length).padStart(3)} questions  correct ${(share((r) => r.correct, of) * 100).toFixed(1)}%`);
}
console.log(`  turn latency p50 ${p(50)} ms, p95 ${p(95)} ms`);
process.exit(0);
