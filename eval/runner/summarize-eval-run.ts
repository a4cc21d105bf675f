import type { MemoryWriteTestCase } from "@/eval/schemas";
import { computeMetrics } from "@/eval/scorers/compute-metrics";
import { percentile } from "@/eval/scorers/percentile";
import { scoreDeletes } from "@/eval/scorers/score-deletes";
import type { EvalCaseResult, EvalRunMetrics } from "@/lib/eval/schemas";

/** Options for {@link summarizeEvalRun}. */
export type SummarizeEvalRunOptions = {
  cases: MemoryWriteTestCase[];
  results: EvalCaseResult[];
  crossUserWrites: number;
  minPrecision: number;
  minRecall: number;
};

/**
 * Aggregates a run: the dataset package's MemoryWriteMetrics (micro-averaged precision and
 * recall, per-case latency percentiles) plus per-turn latency, summed false positives,
 * micro-averaged delete scores and the isolation count, then applies the regression gate:
 * precision ≥ minPrecision AND recall ≥ minRecall AND zero cross-user writes.
 */
export function summarizeEvalRun(options: SummarizeEvalRunOptions): {
  metrics: EvalRunMetrics;
  passed: boolean;
  gateFailures: string[];
} {
  const { cases, results, crossUserWrites, minPrecision, minRecall } = options;
  const base = computeMetrics({ cases, results, minPrecision, minRecall });
  const casesById = new Map(cases.map((testCase) => [testCase.id, testCase]));

  let deletesMatched = 0;
  let deletesActual = 0;
  let deletesExpected = 0;
  for (const result of results) {
    const score = scoreDeletes({
      actualDeletes: result.actual_deletes,
      expectedDeletes: casesById.get(result.case_id)?.expected_deletes ?? [],
    });
    deletesMatched += score.matched_count;
    deletesActual += score.actual_count;
    deletesExpected += score.expected_count;
  }
  const turnLatencies = results.flatMap((result) => result.turn_latencies_ms);

  const metrics: EvalRunMetrics = {
    ...base,
    cross_user_writes: crossUserWrites,
    total_turns: turnLatencies.length,
    turn_latency_p50: percentile({ values: turnLatencies, p: 50 }),
    turn_latency_p95: percentile({ values: turnLatencies, p: 95 }),
    false_positive_count: results.reduce((sum, result) => sum + result.false_positive_count, 0),
    delete_precision: deletesActual === 0 ? 1 : deletesMatched / deletesActual,
    delete_recall: deletesExpected === 0 ? 1 : deletesMatched / deletesExpected,
  };

  const gateFailures: string[] = [];
  if (metrics.extraction_precision < minPrecision) {
    gateFailures.push(`extraction precision ${metrics.extraction_precision.toFixed(3)} < ${minPrecision}`);
  }
  if (metrics.extraction_recall < minRecall) {
    gateFailures.push(`extraction recall ${metrics.extraction_recall.toFixed(3)} < ${minRecall}`);
  }
  if (crossUserWrites > 0) gateFailures.push(`${crossUserWrites} cross-user writes (must be 0)`);
  if (results.length === 0) gateFailures.push("no cases ran");
  return { metrics, passed: gateFailures.length === 0, gateFailures };
}
