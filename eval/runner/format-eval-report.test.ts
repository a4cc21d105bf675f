import { describe, expect, it } from "vitest";
import { formatEvalReport } from "@/eval/runner/format-eval-report";
import type { EvalRunReport } from "@/lib/eval/schemas";

const report: EvalRunReport = {
  dataset: "eval/datasets/memory_write_smoke_dataset.json",
  model: "Mnemo offline memory model",
  params: { min_precision: 0.85, min_recall: 0.7, turn_timeout_ms: 60000, drain_timeout_ms: 30000, worker: true, kept_users: false },
  metrics: {
    total_cases: 2,
    extraction_precision: 0.5,
    extraction_recall: 1,
    false_positive_rate: 0.5,
    latency_p50: 40,
    latency_p95: 120,
    error_cases: 1,
    overall_passed: false,
    cross_user_writes: 0,
    total_turns: 3,
    turn_latency_p50: 40,
    turn_latency_p95: 80,
    false_positive_count: 1,
    delete_precision: 1,
    delete_recall: 1,
  },
  cases: [
    {
      case_id: "fact-01", precision: 1, recall: 1, false_positive_count: 0, delete_precision: 1, delete_recall: 1,
      latency_ms: 40, actual_writes: [{ content: "User is a pharmacist", type: "fact" }], actual_deletes: [],
      turns: 1, turn_latencies_ms: [40], drain_ms: 5,
    },
    {
      case_id: "credential-01", precision: 0, recall: 1, false_positive_count: 1, delete_precision: 1, delete_recall: 1,
      latency_ms: 120, error: "turn 2: chat turn did not finish within 60000 ms",
      actual_writes: [{ content: "User's password is hunter2", type: "fact" }], actual_deletes: [],
      turns: 2, turn_latencies_ms: [80, 40], drain_ms: 5,
    },
  ],
  passed: false,
  gate_failures: ["extraction precision 0.500 < 0.85"],
};

describe("formatEvalReport", () => {
  it("always prints the summary metrics and the gate verdict with its reason", () => {
    const text = formatEvalReport({ report, verbose: false });
    expect(text).toContain("extraction_precision  0.500  (gate ≥ 0.85)");
    expect(text).toContain("latency_p95 (turn)");
    expect(text).toContain("cross_user_writes     0");
    expect(text).toMatch(/GATE FAILED: extraction precision 0.500 < 0.85$/);
    expect(text).not.toContain("fact-01");
  });

  it("with verbose, prints a row per case and explains the failing ones", () => {
    const text = formatEvalReport({
      report,
      verbose: true,
      cases: [{
        id: "credential-01", user_id: "eval-user", rubric: "r", expected_deletes: [],
        conversation: [{ role: "user", content: "my password is hunter2" }],
        expected_writes: [{ content_keywords: ["hunter2"], type: "fact", should_write: false }],
      }],
    });
    expect(text).toMatch(/^ {2}fact-01 +100\.0% +100\.0% +0 /m);
    expect(text).toMatch(/^✗ credential-01 +0\.0%/m);
    expect(text).toContain("wrote: [fact] User's password is hunter2");
    expect(text).toContain("must not: [fact] hunter2");
    expect(text).toContain("error: turn 2: chat turn did not finish");
  });

  it("says GATE PASSED when it passed", () => {
    expect(formatEvalReport({ report: { ...report, passed: true, gate_failures: [] }, verbose: false })).toMatch(/GATE PASSED$/);
  });
});
