import { describe, expect, it } from "vitest";
import type { MemoryWriteTestCase } from "@/eval/schemas";
import { summarizeEvalRun } from "@/eval/runner/summarize-eval-run";
import type { EvalCaseResult } from "@/lib/eval/schemas";

const testCase = (id: string, keywords: string[][], deletes: string[] = []): MemoryWriteTestCase => ({
  id,
  conversation: [{ role: "user", content: "x" }],
  user_id: "eval-user",
  expected_writes: keywords.map((k) => ({ content_keywords: k, type: "fact", should_write: true })),
  expected_deletes: deletes,
  rubric: "r",
});

const result = (caseId: string, writes: string[], turns: number[], extra: Partial<EvalCaseResult> = {}): EvalCaseResult => ({
  case_id: caseId,
  precision: 1,
  recall: 1,
  false_positive_count: 0,
  delete_precision: 1,
  delete_recall: 1,
  latency_ms: turns.reduce((a, b) => a + b, 0),
  actual_writes: writes.map((content) => ({ content, type: "fact" })),
  actual_deletes: [],
  turns: turns.length,
  turn_latencies_ms: turns,
  drain_ms: 0,
  ...extra,
});

const cases = [testCase("a", [["vegan"]]), testCase("b", [["teacher"], ["lisbon"]], ["peanuts"])];

describe("summarizeEvalRun", () => {
  it("passes when precision and recall meet the thresholds and nothing crossed users", () => {
    const { metrics, passed, gateFailures } = summarizeEvalRun({
      cases,
      results: [result("a", ["User is vegan"], [100]), result("b", ["User is a teacher", "User lives in Lisbon"], [10, 30, 20])],
      crossUserWrites: 0,
      minPrecision: 0.85,
      minRecall: 0.7,
    });
    expect(passed).toBe(true);
    expect(gateFailures).toEqual([]);
    expect(metrics).toMatchObject({ extraction_precision: 1, extraction_recall: 1, total_turns: 4, turn_latency_p50: 20, turn_latency_p95: 100 });
    // Expected a deletion, none happened: delete recall is micro-averaged over the run.
    expect(metrics.delete_recall).toBe(0);
    expect(metrics.delete_precision).toBe(1);
  });

  it("fails on cross-user writes even with perfect scores", () => {
    const { passed, gateFailures, metrics } = summarizeEvalRun({
      cases,
      results: [result("a", ["User is vegan"], [1]), result("b", ["User is a teacher", "User lives in Lisbon"], [1])],
      crossUserWrites: 2,
      minPrecision: 0.85,
      minRecall: 0.7,
    });
    expect(metrics.overall_passed).toBe(true);
    expect(passed).toBe(false);
    expect(gateFailures).toEqual(["2 cross-user writes (must be 0)"]);
  });

  it("names each threshold that is missed and sums false positives", () => {
    const { passed, gateFailures, metrics } = summarizeEvalRun({
      cases,
      results: [
        result("a", ["User is vegan", "User likes chess"], [1], { false_positive_count: 1 }),
        result("b", [], [1]),
      ],
      crossUserWrites: 0,
      minPrecision: 0.85,
      minRecall: 0.7,
    });
    expect(passed).toBe(false);
    expect(metrics.extraction_precision).toBe(0.5);
    expect(metrics.extraction_recall).toBeCloseTo(1 / 3);
    expect(metrics.false_positive_count).toBe(1);
    expect(gateFailures).toEqual(["extraction precision 0.500 < 0.85", "extraction recall 0.333 < 0.7"]);
  });

  it("never passes an empty run", () => {
    expect(summarizeEvalRun({ cases, results: [], crossUserWrites: 0, minPrecision: 0.85, minRecall: 0.7 }).passed).toBe(false);
  });
});
