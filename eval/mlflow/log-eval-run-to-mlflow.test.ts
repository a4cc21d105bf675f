import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { logEvalRunIfConfigured } from "@/eval/mlflow/log-eval-run-if-configured";
import { logEvalRunToMlflow } from "@/eval/mlflow/log-eval-run-to-mlflow";
import type { EvalRunReport } from "@/lib/eval/schemas";

type Call = { method: string; path: string; body: string };

/** A fake MLflow tracking server on 127.0.0.1 (random port) that records every request. */
async function startFakeMlflow(options: { experimentExists: boolean; proxiedArtifacts: boolean; rejectBatch?: boolean }) {
  const calls: Call[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const url = new URL(req.url!, "http://x");
      calls.push({ method: req.method!, path: url.pathname + url.search, body });
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(json));
      };
      if (url.pathname === "/api/2.0/mlflow/experiments/get-by-name") {
        return options.experimentExists
          ? send(200, { experiment: { experiment_id: "7", name: url.searchParams.get("experiment_name") } })
          : send(404, { error_code: "RESOURCE_DOES_NOT_EXIST", message: "Could not find experiment" });
      }
      if (url.pathname === "/api/2.0/mlflow/experiments/create") return send(200, { experiment_id: "8" });
      if (url.pathname === "/api/2.0/mlflow/runs/create") {
        const experimentId = JSON.parse(body).experiment_id as string;
        const artifactUri = options.proxiedArtifacts ? `mlflow-artifacts:/${experimentId}/run-1/artifacts` : `./mlruns/${experimentId}/run-1/artifacts`;
        return send(200, { run: { info: { run_id: "run-1", experiment_id: experimentId, artifact_uri: artifactUri, status: "RUNNING" } } });
      }
      if (url.pathname === "/api/2.0/mlflow/runs/log-batch" && options.rejectBatch) {
        return send(400, { error_code: "INVALID_PARAMETER_VALUE", message: "Param value too long" });
      }
      if (url.pathname === "/api/2.0/mlflow/runs/log-batch" || url.pathname === "/api/2.0/mlflow/runs/update") return send(200, {});
      if (req.method === "PUT" && url.pathname.startsWith("/api/2.0/mlflow-artifacts/artifacts/")) return send(200, {});
      send(404, { error_code: "ENDPOINT_NOT_FOUND", message: "no such endpoint" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  servers.push(server);
  return { uri: `http://127.0.0.1:${port}`, calls };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

const report: EvalRunReport = {
  dataset: "eval/memory_write_golden_dataset.json",
  model: "Mnemo offline memory model",
  params: { min_precision: 0.85, min_recall: 0.7, turn_timeout_ms: 60000, drain_timeout_ms: 30000, worker: true, kept_users: false },
  metrics: {
    total_cases: 1, extraction_precision: 0.9, extraction_recall: 0.8, false_positive_rate: 0, latency_p50: 50, latency_p95: 90,
    error_cases: 0, overall_passed: true, cross_user_writes: 0, total_turns: 1, turn_latency_p50: 50, turn_latency_p95: 50,
    false_positive_count: 0, delete_precision: 1, delete_recall: 1,
  },
  cases: [{
    case_id: "fact-01", precision: 1, recall: 1, false_positive_count: 0, delete_precision: 1, delete_recall: 1, latency_ms: 50,
    actual_writes: [{ content: "User is a pharmacist", type: "fact" }], actual_deletes: [], turns: 1, turn_latencies_ms: [50], drain_ms: 3,
  }],
  passed: true,
  gate_failures: [],
};
const times = { startedAt: new Date("2026-11-24T01:00:00Z"), finishedAt: new Date("2026-11-24T01:01:00Z") };

describe("logEvalRunToMlflow", () => {
  it("creates the experiment and run, logs params and metrics, uploads the per-case JSON and finishes the run", async () => {
    const mlflow = await startFakeMlflow({ experimentExists: false, proxiedArtifacts: true });
    const logged = await logEvalRunToMlflow({ trackingUri: mlflow.uri, report, evalRunId: "eval-run-1", ...times });
    expect(logged).toEqual({ experimentId: "8", runId: "run-1", artifact: "uploaded" });

    expect(mlflow.calls.map((c) => `${c.method} ${c.path.split("?")[0]}`)).toEqual([
      "GET /api/2.0/mlflow/experiments/get-by-name",
      "POST /api/2.0/mlflow/experiments/create",
      "POST /api/2.0/mlflow/runs/create",
      "POST /api/2.0/mlflow/runs/log-batch",
      "PUT /api/2.0/mlflow-artifacts/artifacts/8/run-1/artifacts/eval/cases.json",
      "POST /api/2.0/mlflow/runs/update",
    ]);
    expect(mlflow.calls[0]!.path).toContain("experiment_name=mnemo-memory-write-eval");
    const run = JSON.parse(mlflow.calls[2]!.body);
    expect(run).toMatchObject({ experiment_id: "8", start_time: times.startedAt.getTime() });
    expect(run.tags).toContainEqual({ key: "mnemo.eval_run_id", value: "eval-run-1" });

    const batch = JSON.parse(mlflow.calls[3]!.body);
    expect(batch.run_id).toBe("run-1");
    expect(batch.params).toEqual(expect.arrayContaining([
      { key: "dataset", value: "eval/memory_write_golden_dataset.json" },
      { key: "model", value: "Mnemo offline memory model" },
      { key: "min_precision", value: "0.85" },
      { key: "min_recall", value: "0.7" },
    ]));
    const metrics = Object.fromEntries(batch.metrics.map((m: { key: string; value: number }) => [m.key, m.value]));
    expect(metrics).toMatchObject({ extraction_precision: 0.9, extraction_recall: 0.8, latency_p95: 90, cross_user_writes: 0, overall_passed: 1, gate_passed: 1 });
    expect(batch.metrics[0]).toMatchObject({ timestamp: times.finishedAt.getTime(), step: 0 });

    expect(JSON.parse(mlflow.calls[4]!.body).cases[0].case_id).toBe("fact-01");
    expect(JSON.parse(mlflow.calls[5]!.body)).toEqual({ run_id: "run-1", status: "FINISHED", end_time: times.finishedAt.getTime() });
  });

  it("reuses an existing experiment and falls back to a tag when the server does not proxy artifacts", async () => {
    const mlflow = await startFakeMlflow({ experimentExists: true, proxiedArtifacts: false });
    const logged = await logEvalRunToMlflow({ trackingUri: `${mlflow.uri}/`, report, ...times });
    expect(logged).toEqual({ experimentId: "7", runId: "run-1", artifact: "tag" });
    const paths = mlflow.calls.map((c) => c.path.split("?")[0]!);
    expect(paths).not.toContain("/api/2.0/mlflow/experiments/create");
    expect(paths.some((p) => p.includes("mlflow-artifacts"))).toBe(false);
    const tagBatch = JSON.parse(mlflow.calls.filter((c) => c.path === "/api/2.0/mlflow/runs/log-batch")[1]!.body);
    expect(tagBatch.tags[0].key).toBe("mnemo.cases");
    expect(tagBatch.tags[0].value).toContain("fact-01 p=1.00 r=1.00 fp=0");
  });

  it("marks the run FAILED and throws MLflow's message when logging is refused", async () => {
    const mlflow = await startFakeMlflow({ experimentExists: true, proxiedArtifacts: true, rejectBatch: true });
    await expect(logEvalRunToMlflow({ trackingUri: mlflow.uri, report, ...times })).rejects.toThrow(/answered 400: Param value too long/);
    const last = mlflow.calls.at(-1)!;
    expect(last.path).toBe("/api/2.0/mlflow/runs/update");
    expect(JSON.parse(last.body)).toMatchObject({ run_id: "run-1", status: "FAILED" });
  });
});

describe("logEvalRunIfConfigured", () => {
  it("attempts nothing without a tracking URI", async () => {
    let fetched = 0;
    const result = await logEvalRunIfConfigured({
      trackingUri: undefined,
      report,
      ...times,
      fetch: (async () => {
        fetched++;
        return new Response("{}");
      }) as typeof fetch,
    });
    expect(result.status).toBe("skipped");
    expect(fetched).toBe(0);
  });

  it("turns an unreachable server into a warning instead of an error", async () => {
    const mlflow = await startFakeMlflow({ experimentExists: true, proxiedArtifacts: true });
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const result = await logEvalRunIfConfigured({ trackingUri: mlflow.uri, report, ...times, timeoutMs: 2000 });
    expect(result.status).toBe("failed");
    expect(result.message).toMatch(/^warning: MLflow logging failed/);
  });

  it("reports a logged run", async () => {
    const mlflow = await startFakeMlflow({ experimentExists: true, proxiedArtifacts: true });
    const result = await logEvalRunIfConfigured({ trackingUri: mlflow.uri, report, ...times });
    expect(result).toMatchObject({ status: "logged" });
    expect(result.message).toContain("run run-1");
  });
});
