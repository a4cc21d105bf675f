import { logEvalRunToMlflow, type LogEvalRunToMlflowOptions } from "@/eval/mlflow/log-eval-run-to-mlflow";

/**
 * MLflow tracking is optional: without a tracking URI nothing is attempted, and a server that is
 * down or refuses the run costs a warning, never the eval. Returns a line for the console.
 */
export async function logEvalRunIfConfigured(
  options: Omit<LogEvalRunToMlflowOptions, "trackingUri"> & { trackingUri: string | undefined },
): Promise<{ status: "skipped" | "logged" | "failed"; message: string }> {
  if (!options.trackingUri) return { status: "skipped", message: "MLFLOW_TRACKING_URI is not set: MLflow logging skipped" };
  try {
    const logged = await logEvalRunToMlflow({ ...options, trackingUri: options.trackingUri });
    const where = logged.artifact === "uploaded" ? "as artifact eval/cases.json" : "in tag mnemo.cases (the server does not proxy artifacts)";
    return { status: "logged", message: `logged to MLflow experiment ${logged.experimentId}, run ${logged.runId}; per-case results ${where}` };
  } catch (error) {
    const reason = error instanceof Error ? (error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message) : String(error);
    return { status: "failed", message: `warning: MLflow logging failed; the eval result stands: ${reason}` };
  }
}
