import { z } from "zod";

// Shapes of a stored evaluation run (eval_runs): what the runner produces, the CLI writes with
// --json, MLflow receives and /admin/evals reads back. The per-case and aggregate shapes extend
// the dataset package's MemoryWriteCaseResult and MemoryWriteMetrics without changing them.

/**
 * A memory the agent wrote (or deleted) while a case ran. `type` stays a plain string: the
 * scorer must be able to judge an agent that invents a type, which then simply fails to match.
 */
export const ActualWriteSchema = z.object({
  content: z.string(),
  type: z.string(),
});
export type ActualWrite = z.infer<typeof ActualWriteSchema>;

const RatioSchema = z.number().min(0).max(1);

export const MemoryWriteCaseResultSchema = z.object({
  case_id: z.string(),
  precision: RatioSchema,
  recall: RatioSchema,
  false_positive_count: z.number().int().nonnegative(),
  delete_precision: RatioSchema,
  delete_recall: RatioSchema,
  latency_ms: z.number().nonnegative(),
  error: z.string().optional(),
  actual_writes: z.array(ActualWriteSchema),
  actual_deletes: z.array(ActualWriteSchema),
});
export type MemoryWriteCaseResult = z.infer<typeof MemoryWriteCaseResultSchema>;

export const MemoryWriteMetricsSchema = z.object({
  total_cases: z.number().int().nonnegative(),
  /** Micro-averaged: matched actual writes / actual writes, summed over all cases. */
  extraction_precision: RatioSchema,
  /** Micro-averaged: expected positive writes found / expected positive writes, summed over all cases. */
  extraction_recall: RatioSchema,
  /** Share of cases with at least one false-positive write. */
  false_positive_rate: RatioSchema,
  latency_p50: z.number().nonnegative(),
  latency_p95: z.number().nonnegative(),
  error_cases: z.number().int().nonnegative(),
  overall_passed: z.boolean(),
});
export type MemoryWriteMetrics = z.infer<typeof MemoryWriteMetricsSchema>;

const Ms = z.number().nonnegative();
const Ratio = z.number().min(0).max(1);

/** One case as the runner saw it: the scorer's row plus per-turn timing. */
export const EvalCaseResultSchema = MemoryWriteCaseResultSchema.extend({
  /** User turns sent through the chat pipeline. */
  turns: z.number().int().nonnegative(),
  /** Time to stream each turn's answer to the end (latency_ms is their sum). */
  turn_latencies_ms: z.array(Ms),
  /** Time spent waiting for the case's background writes after its turns. */
  drain_ms: Ms,
});
export type EvalCaseResult = z.infer<typeof EvalCaseResultSchema>;

export const EvalRunMetricsSchema = MemoryWriteMetricsSchema.extend({
  /** Memory rows, audit events or messages that cross from one eval user to another: must be 0. */
  cross_user_writes: z.number().int().nonnegative(),
  total_turns: z.number().int().nonnegative(),
  turn_latency_p50: Ms,
  turn_latency_p95: Ms,
  /** Sum of false-positive writes over all cases. */
  false_positive_count: z.number().int().nonnegative(),
  /** Micro-averaged over all cases, like extraction precision and recall. */
  delete_precision: Ratio,
  delete_recall: Ratio,
});
export type EvalRunMetrics = z.infer<typeof EvalRunMetricsSchema>;

export const EvalRunParamsSchema = z.object({
  min_precision: Ratio,
  min_recall: Ratio,
  turn_timeout_ms: Ms,
  drain_timeout_ms: Ms,
  /** Whether the in-process memory-write worker ran (else each drain processed the case's jobs). */
  worker: z.boolean(),
  kept_users: z.boolean(),
});
export type EvalRunParams = z.infer<typeof EvalRunParamsSchema>;

/** A finished run, before or after it is stored. */
export const EvalRunReportSchema = z.object({
  dataset: z.string().min(1),
  model: z.string().min(1),
  params: EvalRunParamsSchema,
  metrics: EvalRunMetricsSchema,
  cases: z.array(EvalCaseResultSchema),
  /** The regression gate: precision and recall thresholds met and zero cross-user writes. */
  passed: z.boolean(),
  /** Why the gate failed, in words; empty when it passed. */
  gate_failures: z.array(z.string()),
});
export type EvalRunReport = z.infer<typeof EvalRunReportSchema>;

/** A row of eval_runs as the admin page and API see it. */
export const StoredEvalRunSchema = z.object({
  id: z.string(),
  dataset: z.string(),
  model: z.string(),
  params: EvalRunParamsSchema,
  metrics: EvalRunMetricsSchema,
  cases: z.array(EvalCaseResultSchema),
  passed: z.boolean(),
  createdAt: z.date(),
});
export type StoredEvalRun = z.infer<typeof StoredEvalRunSchema>;
