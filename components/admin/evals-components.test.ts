import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EvalsCaseTable } from "@/components/admin/evals-case-table";
import { EvalsChart } from "@/components/admin/evals-chart";
import { EvalsRunSummary } from "@/components/admin/evals-run-summary";
import type { StoredEvalRun } from "@/lib/eval/schemas";

const run = (id: string, minute: number, precision: number, recall: number, passed: boolean): StoredEvalRun => ({
  id,
  dataset: "eval/memory_write_golden_dataset.json",
  model: "Mnemo offline memory model",
  params: { min_precision: 0.85, min_recall: 0.7, turn_timeout_ms: 60000, drain_timeout_ms: 30000, worker: true, kept_users: false },
  metrics: {
    total_cases: 1, extraction_precision: precision, extraction_recall: recall, false_positive_rate: 0, latency_p50: 10, latency_p95: 20,
    error_cases: 0, overall_passed: passed, cross_user_writes: 0, total_turns: 1, turn_latency_p50: 10, turn_latency_p95: 10,
    false_positive_count: 0, delete_precision: 1, delete_recall: 1,
  },
  cases: [{
    case_id: "fact-01", precision: 0.5, recall: 1, false_positive_count: 1, delete_precision: 1, delete_recall: 1, latency_ms: 10,
    error: "turn 1: chat turn did not finish within 60000 ms", actual_writes: [], actual_deletes: [], turns: 1, turn_latencies_ms: [10], drain_ms: 1,
  }],
  passed,
  createdAt: new Date(`2026-11-24T01:${String(minute).padStart(2, "0")}:00Z`),
});

describe("evals page components", () => {
  it("charts precision and recall per run with both threshold lines", () => {
    const html = renderToStaticMarkup(createElement(EvalsChart, { runs: [run("b", 30, 0.9, 0.6, false), run("a", 10, 0.8, 0.75, false)] }));
    expect(html.match(/<polyline/g)).toHaveLength(2);
    expect(html.match(/<circle/g)).toHaveLength(4);
    expect(html).toContain("Precision gate 85%");
    expect(html).toContain("Recall gate 70%");
    // Labelled by the latest run, whatever order the runs arrive in.
    expect(html).toContain('aria-label="Latest run: precision 90%, recall 60%');
  });

  it("renders nothing to chart without runs", () => {
    expect(renderToStaticMarkup(createElement(EvalsChart, { runs: [] }))).toBe("");
  });

  it("shows a run's gate verdict and each case's numbers and error", () => {
    const summary = renderToStaticMarkup(createElement(EvalsRunSummary, { run: run("a", 10, 0.8, 0.75, false) }));
    expect(summary).toContain("gate failed");
    expect(summary).toContain("80% (gate ≥ 85%)");
    const table = renderToStaticMarkup(createElement(EvalsCaseTable, { cases: run("a", 10, 1, 1, true).cases }));
    expect(table).toContain("fact-01");
    expect(table).toContain("50%");
    expect(table).toContain("did not finish within 60000 ms");
  });
});
