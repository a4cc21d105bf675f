import "server-only";
import { getDb } from "@/lib/db/client";
import { type EvalRunReport, EvalRunReportSchema } from "@/lib/eval/schemas";

/** Stores a finished evaluation run in eval_runs; returns its id. */
export async function saveEvalRun(options: { report: EvalRunReport }): Promise<{ id: string; createdAt: Date }> {
  // Parsed again so a malformed report fails here, not later when the admin page reads it.
  const report = EvalRunReportSchema.parse(options.report);
  const row = await getDb().evalRun.create({
    data: {
      dataset: report.dataset,
      model: report.model,
      params: report.params,
      metrics: report.metrics,
      cases: report.cases,
      passed: report.passed,
    },
    select: { id: true, createdAt: true },
  });
  return row;
}
