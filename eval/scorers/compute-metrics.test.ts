import { describe, expect, it } from "vitest";
import type { MemoryWriteTestCase } from "@/eval/schemas";
import type { ActualWrite } from "@/lib/eval/schemas";
import { MemoryWriteMetricsSchema } from "@/lib/eval/schemas";
import { computeMetrics } from "@/eval/scorers/compute-metrics";
import { scoreCase } from "@/eval/scorers/score-case";

const testCase = (id: string, expected_writes: MemoryWriteTestCase["expected_writes"]): MemoryWriteTestCase => ({
  id,
  conversation: [{ role: "user", content: "…" }],
  user_id: "eval-user",
  expected_writes,
  expected_deletes: [],
  rubric: "test",
});

const cases = [
  testCase("fact-01", [{ content_keywords: ["vegetarian"], type: "fact", should_write: true }]),
  testCase("multi-01", [
    { content_keywords: ["engineer"], type: "fact", should_write: true },
    { content_keywords: ["lisbon"], type: "fact", should_write: true },
    { content_keywords: ["pixel"], type: "fact", should_write: true },
  ]),
  testCase("trivial-01", []),
  testCase("trivial-02", []),
];

const run = (id: string, actualWrites: ActualWrite[], latencyMs: number, error?: string) =>
  scoreCase({ testCase: cases.find((c) => c.id === id)!, actualWrites, actualDeletes: [], latencyMs, error });

describe("computeMetrics", () => {
  it("micro-averages precision and recall over all writes, not per case", () => {
    const results = [
      run("fact-01", [{ content: "User is a vegetarian", type: "fact" }], 100),
      run("multi-01", [{ content: "User is an engineer", type: "fact" }], 200),
      run("trivial-01", [{ content: "User said hi", type: "note" }], 300),
      run("trivial-02", [], 400),
    ];
    const metrics = computeMetrics({ cases, results });
    // 2 matched of 3 written; 2 found of 4 expected. (A per-case macro mean would say 0.75 / 0.83.)
    expect(metrics.extraction_precision).toBeCloseTo(2 / 3);
    expect(metrics.extraction_recall).toBeCloseTo(0.5);
    expect(metrics.false_positive_rate).toBe(0.25);
    expect(metrics.total_cases).toBe(4);
    expect(metrics.overall_passed).toBe(false);
    expect(MemoryWriteMetricsSchema.parse(metrics)).toEqual(metrics);
  });

  it("passes at the default thresholds (precision ≥ 0.85, recall ≥ 0.70)", () => {
    const results = [
      run("fact-01", [{ content: "User is a vegetarian", type: "fact" }], 10),
      run("multi-01", [
        { content: "User is an engineer", type: "fact" },
        { content: "User lives in Lisbon", type: "fact" },
        { content: "User has a dog named Pixel", type: "fact" },
      ], 10),
    ];
    const metrics = computeMetrics({ cases, results });
    expect(metrics).toMatchObject({ extraction_precision: 1, extraction_recall: 1, overall_passed: true, false_positive_rate: 0 });
  });

  it("takes the thresholds as parameters", () => {
    // 3 of 4 expected found = 0.75 recall.
    const results = [
      run("fact-01", [{ content: "User is a vegetarian", type: "fact" }], 10),
      run("multi-01", [{ content: "User is an engineer", type: "fact" }, { content: "User lives in Lisbon", type: "fact" }], 10),
    ];
    expect(computeMetrics({ cases, results }).overall_passed).toBe(true);
    expect(computeMetrics({ cases, results, minRecall: 0.8 }).overall_passed).toBe(false);
    expect(computeMetrics({ cases, results, minPrecision: 1.01 }).overall_passed).toBe(false);
  });

  it("reports latency percentiles and error cases", () => {
    const results = Array.from({ length: 20 }, (_, i) => run("trivial-01", [], (i + 1) * 10, i === 0 ? "timeout" : undefined));
    const metrics = computeMetrics({ cases, results });
    expect(metrics).toMatchObject({ latency_p50: 100, latency_p95: 190, error_cases: 1 });
  });

  it("keeps errored cases' misses in recall", () => {
    const results = [run("fact-01", [], 5000, "model unavailable")];
    expect(computeMetrics({ cases, results })).toMatchObject({ extraction_recall: 0, extraction_precision: 1, error_cases: 1, overall_passed: false });
  });

  it("returns neutral metrics for an empty run", () => {
    expect(computeMetrics({ cases, results: [] })).toMatchObject({
      total_cases: 0,
      extraction_precision: 1,
      extraction_recall: 1,
      false_positive_rate: 0,
      latency_p50: 0,
      latency_p95: 0,
    });
  });

  it("rejects a result for a case it does not know", () => {
    const results = [{ ...run("trivial-01", [], 1), case_id: "nope-01" }];
    expect(() => computeMetrics({ cases, results })).toThrow(/unknown case id "nope-01"/);
  });
});
