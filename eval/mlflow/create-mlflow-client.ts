import { z } from "zod";

/** Options for {@link createMlflowClient}. */
export type MlflowClientOptions = {
  /** e.g. http://127.0.0.1:5000 (MLFLOW_TRACKING_URI). */
  trackingUri: string;
  /** Per request; a tracking server that hangs must not hang the eval. */
  timeoutMs?: number;
  fetch?: typeof fetch;
};

export class MlflowRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly errorCode?: string,
  ) {
    super(message);
    this.name = "MlflowRequestError";
  }
}

const ExperimentByNameSchema = z.object({ experiment: z.object({ experiment_id: z.string() }) });
const CreateExperimentSchema = z.object({ experiment_id: z.string() });
const CreateRunSchema = z.object({
  run: z.object({ info: z.object({ run_id: z.string(), artifact_uri: z.string().optional() }) }),
});
const ErrorBodySchema = z.object({ error_code: z.string().optional(), message: z.string().optional() });

export type MlflowMetric = { key: string; value: number; timestamp: number; step: number };
export type MlflowKeyValue = { key: string; value: string };

/**
 * A small client for the parts of MLflow's REST API (2.0) the eval uses: experiments
 * get-by-name/create, runs create/log-batch/update, and the tracking server's artifact proxy.
 * Responses are parsed with zod; a non-2xx answer throws MlflowRequestError with MLflow's
 * error_code (e.g. RESOURCE_DOES_NOT_EXIST).
 */
export function createMlflowClient(options: MlflowClientOptions) {
  const base = options.trackingUri.replace(/\/+$/, "");
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function call(method: "GET" | "POST" | "PUT", path: string, body?: unknown, contentType = "application/json") {
    const response = await doFetch(`${base}${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": contentType },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    if (!response.ok) {
      const parsed = ErrorBodySchema.safeParse(safeJson(text));
      const detail = parsed.success ? (parsed.data.message ?? text) : text;
      throw new MlflowRequestError(
        `MLflow ${method} ${path} answered ${response.status}: ${detail.slice(0, 300)}`,
        response.status,
        parsed.success ? parsed.data.error_code : undefined,
      );
    }
    return safeJson(text);
  }

  return {
    /** The experiment's id, creating the experiment when it does not exist yet. */
    async getOrCreateExperiment(name: string): Promise<string> {
      try {
        const found = await call("GET", `/api/2.0/mlflow/experiments/get-by-name?experiment_name=${encodeURIComponent(name)}`);
        return ExperimentByNameSchema.parse(found).experiment.experiment_id;
      } catch (error) {
        if (!(error instanceof MlflowRequestError && error.errorCode === "RESOURCE_DOES_NOT_EXIST")) throw error;
      }
      return CreateExperimentSchema.parse(await call("POST", "/api/2.0/mlflow/experiments/create", { name })).experiment_id;
    },

    async createRun(run: { experimentId: string; runName: string; startTime: number; tags: MlflowKeyValue[] }) {
      const created = await call("POST", "/api/2.0/mlflow/runs/create", {
        experiment_id: run.experimentId,
        run_name: run.runName,
        start_time: run.startTime,
        tags: run.tags,
      });
      const info = CreateRunSchema.parse(created).run.info;
      return { runId: info.run_id, artifactUri: info.artifact_uri ?? null };
    },

    async logBatch(batch: { runId: string; metrics?: MlflowMetric[]; params?: MlflowKeyValue[]; tags?: MlflowKeyValue[] }) {
      await call("POST", "/api/2.0/mlflow/runs/log-batch", {
        run_id: batch.runId,
        metrics: batch.metrics ?? [],
        params: batch.params ?? [],
        tags: batch.tags ?? [],
      });
    },

    async updateRun(update: { runId: string; status: "FINISHED" | "FAILED"; endTime: number }) {
      await call("POST", "/api/2.0/mlflow/runs/update", { run_id: update.runId, status: update.status, end_time: update.endTime });
    },

    /**
     * Uploads a file through the tracking server's artifact proxy (`mlflow server` with
     * --serve-artifacts, the default since MLflow 2.0). Returns false when the run's artifact
     * store is not proxied (its URI is not mlflow-artifacts:), so the caller can fall back.
     */
    async uploadArtifact(upload: { artifactUri: string | null; path: string; content: string; contentType: string }): Promise<boolean> {
      const root = proxiedArtifactPath(upload.artifactUri);
      if (root === null) return false;
      const target = [...root.split("/"), ...upload.path.split("/")].filter(Boolean).map(encodeURIComponent).join("/");
      await call("PUT", `/api/2.0/mlflow-artifacts/artifacts/${target}`, upload.content, upload.contentType);
      return true;
    },
  };
}

/** mlflow-artifacts:/1/abc/artifacts or mlflow-artifacts://host:port/1/abc/artifacts → "1/abc/artifacts". */
function proxiedArtifactPath(artifactUri: string | null): string | null {
  if (!artifactUri?.startsWith("mlflow-artifacts:")) return null;
  const rest = artifactUri.slice("mlflow-artifacts:".length);
  return (rest.startsWith("//") ? rest.slice(2).replace(/^[^/]*/, "") : rest).replace(/^\/+|\/+$/g, "");
}

function safeJson(text: string): unknown {
  if (text === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
