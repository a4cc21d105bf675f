import type { MemoryWriteTestCase } from "@/eval/schemas";
import type { EvalCaseResult, EvalRunReport } from "@/lib/eval/schemas";

const pct = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;
const ms = (value: number) => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`);

/**
 * The eval's console output: with `verbose` a row per case (failures marked), then always the
 * run's MemoryWriteMetrics and the gate verdict with its reasons. Plain text, no colours, so it
 * reads the same in a terminal and a CI log.
 */
export function formatEvalReport(options: {
  report: EvalRunReport;
  verbose: boolean;
  /** The dataset's cases, to show what a failing case expected. */
  cases?: MemoryWriteTestCase[];
}): string {
  const { report } = options;
  const lines: string[] = [];
  if (options.verbose) {
    lines.push(...caseTable(report.cases), "");
    const failing = report.cases.filter(isFailingCase);
    if (failing.length > 0) {
      lines.push(`Cases below 100% (${failing.length}):`);
      const expected = new Map(options.cases?.map((testCase) => [testCase.id, testCase]));
      for (const result of failing) lines.push(...describeFailure(result, expected.get(result.case_id)));
      lines.push("");
    }
  }
  const m = report.metrics;
  const rows: [string, string][] = [
    ["dataset", report.dataset],
    ["model", report.model],
    ["total_cases", String(m.total_cases)],
    ["extraction_precision", `${m.extraction_precision.toFixed(3)}  (gate ≥ ${report.params.min_precision})`],
    ["extraction_recall", `${m.extraction_recall.toFixed(3)}  (gate ≥ ${report.params.min_recall})`],
    ["false_positive_rate", `${m.false_positive_rate.toFixed(3)}  (${m.false_positive_count} false-positive writes)`],
    ["delete_precision", m.delete_precision.toFixed(3)],
    ["delete_recall", m.delete_recall.toFixed(3)],
    ["latency_p50 (case)", ms(m.latency_p50)],
    ["latency_p95 (case)", ms(m.latency_p95)],
    ["latency_p50 (turn)", `${ms(m.turn_latency_p50)}  (${m.total_turns} turns)`],
    ["latency_p95 (turn)", ms(m.turn_latency_p95)],
    ["error_cases", String(m.error_cases)],
    ["cross_user_writes", `${m.cross_user_writes}  (gate = 0)`],
    ["overall_passed", String(m.overall_passed)],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  lines.push("Memory-write evaluation", ...rows.map(([name, value]) => `  ${name.padEnd(width)}  ${value}`), "");
  lines.push(
    report.passed
      ? "GATE PASSED"
      : `GATE FAILED: ${report.gate_failures.join("; ")}`,
  );
  return lines.join("\n");
}

function isFailingCase(result: EvalCaseResult): boolean {
  return result.precision < 1 || result.recall < 1 || result.delete_recall < 1 || result.delete_precision < 1 || result.error !== undefined;
}

function caseTable(cases: EvalCaseResult[]): string[] {
  const header = ["case", "precision", "recall", "FPs", "del P", "del R", "turns", "latency", "error"];
  const body = cases.map((c) => [
    (isFailingCase(c) ? "✗ " : "  ") + c.case_id,
    pct(c.precision),
    pct(c.recall),
    String(c.false_positive_count),
    pct(c.delete_precision),
    pct(c.delete_recall),
    String(c.turns),
    ms(c.latency_ms),
    c.error ? truncate(c.error, 60) : "",
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((row) => row[column]!.length)));
  const render = (row: string[]) =>
    row
      .map((cell, column) => (column === 0 || column === row.length - 1 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join("  ")
      .trimEnd();
  return [render(header), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(render)];
}

function describeFailure(result: EvalCaseResult, testCase: MemoryWriteTestCase | undefined): string[] {
  const lines = [
    `  ${result.case_id}: precision ${pct(result.precision)}, recall ${pct(result.recall)}, ${result.false_positive_count} FP` +
      (result.delete_recall < 1 || result.delete_precision < 1 ? `, deletes P ${pct(result.delete_precision)} R ${pct(result.delete_recall)}` : ""),
  ];
  if (result.error) lines.push(`      error: ${result.error}`);
  for (const write of testCase?.expected_writes ?? []) {
    lines.push(`      ${write.should_write ? "expected" : "must not"}: [${write.type}] ${write.content_keywords.join(" + ")}`);
  }
  for (const keywords of testCase?.expected_deletes ?? []) lines.push(`      expected delete: ${keywords}`);
  if (result.actual_writes.length === 0) lines.push("      wrote: (nothing)");
  for (const write of result.actual_writes) lines.push(`      wrote: [${write.type}] ${write.content}`);
  for (const deleted of result.actual_deletes) lines.push(`      deleted: ${deleted.content}`);
  return lines;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
