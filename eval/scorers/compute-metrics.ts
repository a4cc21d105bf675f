import type { MemoryWriteTestCase } from "@/eval/schemas";
import type { MemoryWriteCaseResult, MemoryWriteMetrics } from "@/lib/eval/schemas";
import { percentile } from "@/eval/scorers/percentile";
import { scoreWrites } from "@/eval/scorers/score-writes";

/** Options for {@link computeMetrics}. Thresholds default to the spec's pass bar. */
export type ComputeMetricsOptions = {
  cases: MemoryWriteTestCase[];
  results: MemoryWriteCaseResult[];
  /** overall_passed needs extraction_precision ≥ this (default 0.85). */
  minPrecision?: number;
  /** overall_passed needs extraction_recall ≥ this (default 0.70). */
  minRecall?: number;
};

/**
 * Aggregates per-case results into MemoryWriteMetrics.
 *
 * Precision and recall are micro-averaged: matched writes / all actual writes and positives found /
 * all expected positives, summed over every case. Averaging per-case ratios instead would let the
 * many no-write cases (each a trivial 1.0) drown out the cases where the agent actually writes.
 * The counts are recomputed from each result's actual_writes against its case, so a result row
 * needs no extra fields. Errored cases stay in: their misses are real misses.
 * false_positive_rate = share of cases with at least one false-positive write.
 */
export function computeMetrics(options: ComputeMetricsOptions): MemoryWriteMetrics {
  const { results, minPrecision = 0.85, minRecall = 0.7 } = options;
  const casesById = new Map(options.cases.map((testCase) => [testCase.id, testCase]));

  let matched = 0;
  let actual = 0;
  let expectedPositive = 0;
  for (const result of results) {
    const testCase = casesById.get(result.case_id);
    if (!testCase) throw new Error(`computeMetrics: result for unknown case id "${result.case_id}"`);
    const score = scoreWrites({ actualWrites: result.actual_writes, expectedWrites: testCase.expected_writes });
    matched += score.matched_count;
    actual += score.actual_count;
    expectedPositive += score.expected_positive_count;
  }

  const extractionPrecision = actual === 0 ? 1 : matched / actual;
  const extractionRecall = expectedPositive === 0 ? 1 : matched / expectedPositive;
  const latencies = results.map((result) => result.latency_ms);
  return {
    total_cases: results.length,
    extraction_precision: extractionPrecision,
    extraction_recall: extractionRecall,
    false_positive_rate:
      results.length === 0 ? 0 : results.filter((result) => result.false_positive_count > 0).length / results.length,
    latency_p50: percentile({ values: latencies, p: 50 }),
    latency_p95: percentile({ values: latencies, p: 95 }),
    error_cases: results.filter((result) => result.error !== undefined).length,
    overall_passed: extractionPrecision >= minPrecision && extractionRecall >= minRecall,
  };
}
