import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MemoryWriteDatasetSchema, type MemoryWriteDataset } from "@/eval/schemas";
import type { MemoryWriteCaseResult } from "@/lib/eval/schemas";
import { computeMetrics } from "@/eval/scorers/compute-metrics";
import { replayOfflineCase } from "@/eval/runner/replay-offline-case";

// Offline replay of the golden dataset against an in-memory store: the same scorers as the eval
// runner, without Postgres, so a regression in the model's rules shows up in unit tests.
const evalDir = import.meta.dirname;
const load = (file: string) => MemoryWriteDatasetSchema.parse(JSON.parse(readFileSync(path.join(evalDir, file), "utf8")));
describe.each(["memory_write_golden_dataset.json", "datasets/memory_write_smoke_dataset.json"])("%s (offline replay)", (file) => {
  it("meets the precision and recall gate", async () => {
    const dataset = load(file);
    const results: MemoryWriteCaseResult[] = [];
    for (const testCase of dataset.cases) results.push(await replayOfflineCase(testCase));
    const metrics = computeMetrics({ cases: dataset.cases, results });
    const misses = results.filter((r) => r.precision < 1 || r.recall < 1 || r.delete_precision < 1 || r.delete_recall < 1);
    // The misses ride along in the failure message, so a regression says which cases broke.
    const detail = JSON.stringify({ metrics, misses }, null, 2);
    expect(metrics.extraction_precision, detail).toBeGreaterThanOrEqual(0.85);
    expect(metrics.extraction_recall, detail).toBeGreaterThanOrEqual(0.7);
  });
});
