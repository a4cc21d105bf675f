import "server-only";
import { randomUUID } from "node:crypto";
import type { MemoryWriteDataset } from "@/eval/schemas";
import { checkEvalIsolation } from "@/eval/runner/check-eval-isolation";
import { runMemoryWriteCase } from "@/eval/runner/run-memory-write-case";
import { summarizeEvalRun } from "@/eval/runner/summarize-eval-run";
import { describeLanguageModel } from "@/lib/ai/get-language-model";
import { getDb } from "@/lib/db/client";
import type { EvalCaseResult, EvalRunReport } from "@/lib/eval/schemas";
import { log } from "@/lib/log";
import { startMemoryWriteWorker } from "@/lib/jobs/start-memory-write-worker";
import { stopMemoryWriteWorker } from "@/lib/jobs/stop-memory-write-worker";

/** Options for {@link runMemoryWriteEval}. */
export type RunMemoryWriteEvalOptions = {
  dataset: MemoryWriteDataset;
  /** How the dataset is named in the report and in eval_runs (its path). */
  datasetName: string;
  minPrecision?: number;
  minRecall?: number;
  /** Keep the eval users and their data for inspection instead of deleting them. */
  keep?: boolean;
  /**
   * Run the in-process memory-write worker for the duration of the run (the CLI does). Without
   * it each drain processes only the case user's own jobs, which is what tests sharing a
   * database with other tests need.
   */
  worker?: boolean;
  turnTimeoutMs?: number;
  drainTimeoutMs?: number;
  /** Stops before the next case (the users made so far are still removed); the report covers the cases run. */
  signal?: AbortSignal;
  /** Called after each case, for progress output. */
  onCaseDone?: (result: EvalCaseResult, index: number, total: number) => void;
};

/**
 * Runs every case of a memory-write dataset through the real chat pipeline, one fresh user per
 * case, checks that no write crossed between those users, removes them (unless `keep`) and
 * returns the scored report with the regression gate applied. Cases run one after another so
 * latencies are not inflated by each other.
 */
export async function runMemoryWriteEval(options: RunMemoryWriteEvalOptions): Promise<EvalRunReport> {
  const {
    dataset,
    minPrecision = 0.85,
    minRecall = 0.7,
    keep = false,
    worker = false,
    turnTimeoutMs = 60_000,
    drainTimeoutMs = 30_000,
  } = options;
  const runId = randomUUID().slice(0, 8);
  const conversationOwners = new Map<string, string>();
  const results: EvalCaseResult[] = [];
  const workerStarted = worker && startMemoryWriteWorker({ enabled: true, handleSignals: false });

  let crossUser: string[];
  try {
    for (const [index, testCase] of dataset.cases.entries()) {
      if (options.signal?.aborted) break;
      const { result, userId, conversationId } = await runMemoryWriteCase({ testCase, runId, turnTimeoutMs, drainTimeoutMs });
      conversationOwners.set(conversationId, userId);
      results.push(result);
      options.onCaseDone?.(result, index, dataset.cases.length);
    }
    crossUser = await checkEvalIsolation({ conversationOwners });
    for (const problem of crossUser) log.error("eval: cross-user write", { runId, problem });
  } finally {
    if (workerStarted) await stopMemoryWriteWorker({ timeoutMs: 10_000 });
    if (!keep && conversationOwners.size > 0) {
      // Deleting the users cascades to their conversations, messages, memories, events and jobs.
      await getDb()
        .user.deleteMany({ where: { id: { in: [...new Set(conversationOwners.values())] } } })
        .catch((error: unknown) => log.warn("eval: could not delete the eval users", { runId, error }));
    }
  }

  const summary = summarizeEvalRun({
    cases: dataset.cases,
    results,
    crossUserWrites: crossUser.length,
    minPrecision,
    minRecall,
  });
  return {
    dataset: options.datasetName,
    model: describeLanguageModel().name,
    params: {
      min_precision: minPrecision,
      min_recall: minRecall,
      turn_timeout_ms: turnTimeoutMs,
      drain_timeout_ms: drainTimeoutMs,
      worker: Boolean(workerStarted),
      kept_users: keep,
    },
    metrics: summary.metrics,
    cases: results,
    passed: summary.passed,
    gate_failures: summary.gateFailures,
  };
}
