// Fast offline replay of a memory-write dataset through the offline model and the write
// policy, against an in-memory store (no database): metrics and a per-category table in a few
// seconds. `npm run eval` remains the measurement of record (the whole pipeline).
//
//   node --import tsx eval/tools/replay-offline.ts <dataset.json> [--failures]
//
// --failures prints each imperfect case. Never use it on a *_test.json part: those are read
// only as aggregates (eval/datasets/README.md).
import { parseArgs } from "node:util";
import { loadMemoryWriteDataset } from "@/eval/load-memory-write-dataset";
import { replayOfflineCase } from "@/eval/runner/replay-offline-case";
import { computeMetrics } from "@/eval/scorers/compute-metrics";
import { summarizeByCategory } from "@/eval/scorers/summarize-by-category";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { failures: { type: "boolean", default: false } } });
const file = positionals[0];
if (!file) {
  console.error("usage: replay-offline.ts <dataset.json> [--failures]");
  process.exit(2);
}
if (values.failures && /_test\.json$/.test(file)) {
  console.error("refusing --failures on a test part: its cases are only ever read as aggregates");
  process.exit(2);
}
const dataset = await loadMemoryWriteDataset(file);
const results = [];
for (const testCase of dataset.cases) {
  const result = await replayOfflineCase(testCase);
  results.push(result);
  if (values.failures && (result.precision < 1 || result.recall < 1 || result.delete_recall < 1 || result.delete_precision < 1)) {
    const convo = testCase.conversation.filter((m) => m.role === "user").map((m) => `    > ${m.content}`).join("\n");
    const expected = testCase.expected_writes.map((w) => `${w.should_write ? "+" : "-"}${w.type}[${w.content_keywords.join(",")}]`).join(" ");
    const actual = result.actual_writes.map((w) => `${w.type}: ${w.content}`).join(" | ") || "(none)";
    const refused = result.refusals.map((r) => `${r.reason}: ${r.content}`).join(" | ");
    console.log(`${testCase.id}  p=${result.precision.toFixed(2)} r=${result.recall.toFixed(2)} del=${result.delete_recall.toFixed(2)}\n${convo}\n    expected ${expected}\n    actual   ${actual}${refused ? `\n    refused  ${refused}` : ""}`);
  }
}
const metrics = computeMetrics({ cases: dataset.cases, results });
console.log(`\n${file}: ${dataset.cases.length} cases  precision ${metrics.extraction_precision.toFixed(3)}  recall ${metrics.extraction_recall.toFixed(3)}  fp-rate ${metrics.false_positive_rate.toFixed(3)}  delete-recall ${(results.reduce((s, r) => s + r.delete_recall, 0) / results.length).toFixed(2)}`);
for (const row of summarizeByCategory({ cases: dataset.cases, results })) {
  console.log(`  ${row.category.padEnd(13)} ${String(row.cases).padStart(3)} cases  writes ${String(row.writes).padStart(3)}  P ${row.precision.toFixed(2)}  R ${row.recall.toFixed(2)}  fp ${row.falsePositives}`);
}
