// The memory-write evaluation and regression gate (npm run eval -- --dataset <file> ...).
// Runs every case through the real chat pipeline with the configured model, prints the metrics,
// stores the run in eval_runs, logs it to MLflow when MLFLOW_TRACKING_URI is set, and exits
// 0 when the gate passes, 1 when it fails, 2 when the run could not be made.
// Usage: node --conditions=react-server --import tsx eval/cli.ts --help
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { EVAL_USAGE, parseEvalArgs } from "@/eval/runner/parse-eval-args";

async function main(): Promise<number> {
  let args: ReturnType<typeof parseEvalArgs>;
  try {
    args = parseEvalArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`eval: ${error instanceof Error ? error.message : String(error)}\n\n${EVAL_USAGE}`);
    return 2;
  }
  if (args === "help") {
    console.log(EVAL_USAGE);
    return 0;
  }

  const { isMemoryWriteDataset } = await import("@/eval/is-memory-write-dataset");
  const { loadMemoryWriteDataset } = await import("@/eval/load-memory-write-dataset");
  if (!isMemoryWriteDataset(args.dataset)) {
    console.error(`eval: ${args.dataset} is not a memory-write dataset (its file name must contain "memory_write")`);
    return 2;
  }
  const dataset = await loadMemoryWriteDataset(args.dataset);
  const datasetName = path.relative(process.cwd(), path.resolve(args.dataset)) || args.dataset;

  // The app logs every chat turn and write at info level; the eval's own output is the table.
  process.env.LOG_LEVEL ??= "warn";
  const { config } = await import("@/lib/config");
  const { prepareEvalDatabase } = await import("@/eval/runner/prepare-eval-database");
  const { runMemoryWriteEval } = await import("@/eval/runner/run-memory-write-eval");
  const { formatEvalReport } = await import("@/eval/runner/format-eval-report");
  const { closeEvalConnections } = await import("@/eval/runner/close-eval-connections");
  const { saveEvalRun } = await import("@/lib/eval/save-eval-run");
  const { logEvalRunIfConfigured } = await import("@/eval/mlflow/log-eval-run-if-configured");

  // Ctrl-C stops after the current case so its eval users are still deleted; a second one quits at once.
  const interrupted = new AbortController();
  process.once("SIGINT", () => {
    console.error("eval: interrupted; finishing the current case and cleaning up (Ctrl-C again to quit now)");
    interrupted.abort();
    process.once("SIGINT", () => process.exit(130));
  });

  try {
    const db = await prepareEvalDatabase();
    console.error(`eval: ${dataset.cases.length} cases from ${datasetName} against ${db.target}`);
    const startedAt = new Date();
    const report = await runMemoryWriteEval({
      dataset,
      datasetName,
      minPrecision: args.minPrecision,
      minRecall: args.minRecall,
      keep: args.keep,
      worker: true,
      turnTimeoutMs: args.turnTimeoutMs,
      drainTimeoutMs: args.drainTimeoutMs,
      signal: interrupted.signal,
      onCaseDone: (result, index, total) => {
        const mark = result.error ? "error" : result.precision === 1 && result.recall === 1 ? "ok" : "miss";
        console.error(`  [${String(index + 1).padStart(String(total).length)}/${total}] ${result.case_id} ${mark} ${Math.round(result.latency_ms)} ms`);
      },
    });
    const finishedAt = new Date();
    if (interrupted.signal.aborted) {
      console.error(`eval: interrupted after ${report.cases.length} of ${dataset.cases.length} cases; nothing stored`);
      return 130;
    }

    let evalRunId: string | undefined;
    if (args.store) {
      try {
        evalRunId = (await saveEvalRun({ report })).id;
      } catch (error) {
        console.error(`eval: warning: could not store the run in eval_runs: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (args.json) {
      await mkdir(path.dirname(path.resolve(args.json)), { recursive: true });
      await writeFile(args.json, `${JSON.stringify({ ...report, eval_run_id: evalRunId ?? null, started_at: startedAt, finished_at: finishedAt }, null, 2)}\n`);
    }
    const mlflow = await logEvalRunIfConfigured({ trackingUri: config.MLFLOW_TRACKING_URI, report, evalRunId, startedAt, finishedAt });
    if (mlflow.status !== "skipped") console.error(`eval: ${mlflow.message}`);

    console.log(formatEvalReport({ report, verbose: args.verbose, cases: dataset.cases }));
    if (evalRunId) console.log(`stored as eval run ${evalRunId}${args.json ? `; JSON written to ${args.json}` : ""}`);
    else if (args.json) console.log(`JSON written to ${args.json}`);
    return report.passed ? 0 : 1;
  } finally {
    await closeEvalConnections();
  }
}

function exitWith(code: number) {
  process.exitCode = code;
  // Connections were closed; if some library still holds a handle, do not hang CI over it.
  setTimeout(() => {
    console.error("eval: open handles remained after closing connections; exiting anyway");
    process.exit(code);
  }, 5000).unref();
}

main().then(exitWith, (error: unknown) => {
  console.error(`eval: failed: ${error instanceof Error ? error.message : String(error)}`);
  exitWith(2);
});
