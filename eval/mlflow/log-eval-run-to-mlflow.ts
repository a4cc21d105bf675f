import { createMlflowClient, type MlflowKeyValue, type MlflowMetric } from "@/eval/mlflow/create-mlflow-client";
import type { EvalRunReport } from "@/lib/eval/schemas";

/** Options for {@link logEvalRunToMlflow}. */
export type LogEvalRunToMlflowOptions = {
  trackingUri: string;
  report: EvalRunReport;
  /** eval_runs.id when the run was stored, to cross-reference the admin page. */
  evalRunId?: string;
  experimentName?: string;
  startedAt: Date;
  finishedAt: Date;
  timeoutMs?: number;
  fetch?: typeof fetch;
};

// Older MLflow servers cap param values at 500 characters and tag values at 5000.
const MAX_PARAM_CHARS = 500;
const MAX_TAG_CHARS = 5000;

/**
 * Logs one eval run to MLflow through its REST API: the run (named after the dataset) in the
 * experiment, params (dataset, model, thresholds), every numeric metric, and the per-case JSON as
 * the artifact `eval/cases.json` when the server proxies artifacts — otherwise a compact per-case
 * summary goes into the tag `mnemo.cases` and `artifact` says so. Throws when MLflow cannot be
 * reached; the caller decides that this is only a warning.
 */
export async function logEvalRunToMlflow(
  options: LogEvalRunToMlflowOptions,
): Promise<{ experimentId: string; runId: string; artifact: "uploaded" | "tag" }> {
  const { report } = options;
  const client = createMlflowClient({ trackingUri: options.trackingUri, timeoutMs: options.timeoutMs, fetch: options.fetch });
  const experimentId = await client.getOrCreateExperiment(options.experimentName ?? "mnemo-memory-write-eval");
  const { runId, artifactUri } = await client.createRun({
    experimentId,
    runName: `${report.dataset.split("/").pop()} ${options.startedAt.toISOString()}`,
    startTime: options.startedAt.getTime(),
    tags: [
      { key: "mlflow.source.name", value: "eval/cli.ts" },
      { key: "mnemo.gate", value: report.passed ? "passed" : "failed" },
      ...(options.evalRunId ? [{ key: "mnemo.eval_run_id", value: options.evalRunId }] : []),
    ],
  });

  try {
    const timestamp = options.finishedAt.getTime();
    const metrics: MlflowMetric[] = Object.entries(report.metrics).map(([key, value]) => ({
      key,
      value: typeof value === "boolean" ? Number(value) : value,
      timestamp,
      step: 0,
    }));
    metrics.push({ key: "gate_passed", value: Number(report.passed), timestamp, step: 0 });
    const params: MlflowKeyValue[] = [
      { key: "dataset", value: report.dataset },
      { key: "model", value: report.model },
      ...Object.entries(report.params).map(([key, value]) => ({ key, value: String(value) })),
    ].map((param) => ({ ...param, value: param.value.slice(0, MAX_PARAM_CHARS) }));
    const tags: MlflowKeyValue[] =
      report.gate_failures.length > 0 ? [{ key: "mnemo.gate_failures", value: report.gate_failures.join("; ").slice(0, MAX_TAG_CHARS) }] : [];
    await client.logBatch({ runId, metrics, params, tags });

    const casesJson = JSON.stringify({ dataset: report.dataset, model: report.model, metrics: report.metrics, cases: report.cases }, null, 2);
    const uploaded = await client.uploadArtifact({ artifactUri, path: "eval/cases.json", content: casesJson, contentType: "application/json" });
    if (!uploaded) {
      await client.logBatch({ runId, tags: [{ key: "mnemo.cases", value: compactCases(report).slice(0, MAX_TAG_CHARS) }] });
    }
    await client.updateRun({ runId, status: "FINISHED", endTime: timestamp });
    return { experimentId, runId, artifact: uploaded ? "uploaded" : "tag" };
  } catch (error) {
    // Leave no run stuck in RUNNING; the original error is what matters.
    await client.updateRun({ runId, status: "FAILED", endTime: Date.now() }).catch(() => undefined);
    throw error;
  }
}

/** One line per case, small enough for a tag: id, precision, recall, FPs, latency, error flag. */
function compactCases(report: EvalRunReport): string {
  return report.cases
    .map((c) => `${c.case_id} p=${c.precision.toFixed(2)} r=${c.recall.toFixed(2)} fp=${c.false_positive_count} ${Math.round(c.latency_ms)}ms${c.error ? " error" : ""}`)
    .join("\n");
}
