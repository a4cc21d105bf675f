// Secrets probe (npm run eval:secrets -- <memory_write dataset with secrets>): sends every case's
// user messages through the real chat pipeline twice, as a fresh user each time:
//   - offline: the offline model decides what to save;
//   - hosted: a model behind a local OpenAI-compatible server that tries to save every sentence
//     of the message verbatim (the worst a hosted model can do), through the same tools.
// Then it dumps every stored row of that user (memories, audit rows, queued writes, messages,
// conversations, recall rows) and looks for each secret value the case lists (its
// should_write: false keywords that contain a digit or look like a key). Prints how many
// secrets were stored (must be 0) and how many of the case's genuine memories were saved.
//
//   node --conditions=react-server --import tsx eval/tools/probe-secrets.ts eval/datasets/memory_write_secrets_dev.json [--failures]
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { createOpenAI } from "@ai-sdk/openai";
import { loadMemoryWriteDataset } from "@/eval/load-memory-write-dataset";
import { scoreWrites } from "@/eval/scorers/score-writes";
import { startFakeOpenAIServer } from "@/tests/support/fake-openai-server";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { failures: { type: "boolean", default: false } } });
const file = positionals[0];
if (!file) {
  console.error("usage: probe-secrets.ts <dataset> [--failures]");
  process.exit(2);
}
if (values.failures && /_test\.json$/.test(file)) {
  console.error("refusing --failures on a test part: its cases are only ever read as aggregates");
  process.exit(2);
}
process.env.LOG_LEVEL ??= "error";
const dataset = await loadMemoryWriteDataset(file);
const { prepareEvalDatabase } = await import("@/eval/runner/prepare-eval-database");
const { closeEvalConnections } = await import("@/eval/runner/close-eval-connections");
const { getDb } = await import("@/lib/db/client");
const { runChatTurn } = await import("@/lib/agent/run-chat-turn");
const { drainMemoryWrites } = await import("@/lib/jobs/drain-memory-writes");
await prepareEvalDatabase();

// A secret value: a keyword with a digit in it, or a long token-like word (keys, passwords).
const isSecretValue = (keyword: string) => /\d/.test(keyword) || (/^[\w-]{10,}$/.test(keyword) && /[a-z]/.test(keyword) && /[\d_-]/.test(keyword));
const compact = (s: string) => s.toLowerCase().replace(/[\s-]/g, "");

async function dump(userId: string): Promise<{ table: string; text: string }[]> {
  const rows = await getDb().$queryRaw<{ tbl: string; t: string }[]>`
    SELECT 'memory_items' AS tbl, row_to_json(m)::text AS t FROM memory_items m WHERE user_id = ${userId}::uuid
    UNION ALL SELECT 'memory_write_events', row_to_json(e)::text FROM memory_write_events e WHERE user_id = ${userId}::uuid
    UNION ALL SELECT 'memory_write_jobs', row_to_json(j)::text FROM memory_write_jobs j WHERE user_id = ${userId}::uuid
    UNION ALL SELECT 'messages', row_to_json(x)::text FROM messages x WHERE user_id = ${userId}::uuid
    UNION ALL SELECT 'conversations', row_to_json(c)::text FROM conversations c WHERE user_id = ${userId}::uuid
    UNION ALL SELECT 'memory_recalls', row_to_json(r)::text FROM memory_recalls r WHERE user_id = ${userId}::uuid`;
  // Only what a person wrote or a model phrased: ids, timestamps, counters and the embedding
  // vector are digits that would match short secret values by chance.
  const textOnly = (json: string) =>
    Object.entries(JSON.parse(json) as Record<string, unknown>)
      .filter(([key, value]) => value !== null && !/^id$|_id$|_at$|^embedding|seq|_count$|^(?:attempts|version|importance|confidence|relevance|rank|position)$/.test(key))
      .map(([, value]) => (typeof value === "string" ? value : JSON.stringify(value)))
      .join("\n")
      // Ids and timestamps nested in JSON (a job's payload, a message's parts) too.
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, " ")
      .replace(/\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?/g, " ");
  return rows.map((r) => ({ table: r.tbl, text: compact(textOnly(r.t)) }));
}

const sentences = (text: string) => text.split(/(?<=[.!?])\s+|\n+/).map((s) => s.trim()).filter((s) => s.length > 3);

type Mode = "offline" | "hosted";
const totals = { offline: { secrets: 0, leaked: 0, expected: 0, saved: 0 }, hosted: { secrets: 0, leaked: 0, expected: 0, saved: 0 } };
try {
  for (const testCase of dataset.cases) {
    const secrets = [...new Set(testCase.expected_writes.filter((w) => !w.should_write).flatMap((w) => w.content_keywords).filter(isSecretValue))];
    for (const mode of ["offline", "hosted"] as Mode[]) {
      const user = await getDb().user.create({ data: { email: `secrets-${randomUUID()}@eval.invalid`, name: "Secrets probe" }, select: { id: true } });
      const conversationId = randomUUID();
      try {
        for (const message of testCase.conversation.filter((m) => m.role === "user")) {
          let model;
          let server: Awaited<ReturnType<typeof startFakeOpenAIServer>> | null = null;
          if (mode === "hosted") {
            server = await startFakeOpenAIServer([
              { toolCalls: sentences(message.content).map((content) => ({ name: "save_memory", arguments: { content, memory_type: "fact", confidence: 0.95, importance: 0.5 } })) },
              { text: "Noted." },
            ]);
            model = createOpenAI({ baseURL: server.baseURL, apiKey: "probe" }).chat("probe");
          }
          try {
            const response = await runChatTurn({
              userId: user.id,
              correlationId: randomUUID(),
              model,
              request: { id: conversationId, message: { id: randomUUID(), role: "user", parts: [{ type: "text", text: message.content }] } },
            });
            await response.text();
          } finally {
            await server?.close();
          }
          await drainMemoryWrites({ userId: user.id, timeoutMs: 20_000 });
        }
        const stored = await dump(user.id);
        const tablesWith = (secret: string) => [...new Set(stored.filter((row) => row.text.includes(compact(secret))).map((row) => row.table))];
        const leaked = secrets.filter((s) => tablesWith(s).length > 0);
        const memories = await getDb().memoryItem.findMany({ where: { userId: user.id, status: { in: ["active", "superseded"] } }, select: { content: true, type: true } });
        // Hosted saves are typed "fact" whatever they are: genuine memories are matched on their words only.
        const expected = testCase.expected_writes.filter((w) => w.should_write).map((w) => ({ ...w, type: mode === "hosted" ? "fact" : w.type }));
        const score = scoreWrites({ actualWrites: memories.map((m) => ({ content: m.content, type: mode === "hosted" ? "fact" : m.type })), expectedWrites: expected as never });
        const t = totals[mode];
        t.secrets += secrets.length;
        t.leaked += leaked.length;
        t.expected += score.expected_positive_count;
        t.saved += score.matched_count;
        if (values.failures && (leaked.length > 0 || score.matched_count < score.expected_positive_count)) {
          console.log(`${testCase.id} [${mode}] leaked ${leaked.map((s) => `${s} (in ${tablesWith(s).join(", ")})`).join(", ") || "-"}; genuine saved ${score.matched_count}/${score.expected_positive_count}`);
          console.log(`    > ${testCase.conversation.filter((m) => m.role === "user").map((m) => m.content).join(" / ")}`);
          console.log(`    stored: ${memories.map((m) => m.content).join(" | ") || "(nothing)"}`);
        }
      } finally {
        await getDb().user.delete({ where: { id: user.id } });
      }
    }
  }
} finally {
  await closeEvalConnections();
}
console.log(`\n${file}: ${dataset.cases.length} cases`);
for (const mode of ["offline", "hosted"] as Mode[]) {
  const t = totals[mode];
  console.log(`  ${mode.padEnd(8)} secrets stored: ${t.leaked} of ${t.secrets} secret values;  genuine memories saved: ${t.saved}/${t.expected} (${t.expected ? ((t.saved / t.expected) * 100).toFixed(1) : "100.0"}%)`);
}
process.exit(0);
