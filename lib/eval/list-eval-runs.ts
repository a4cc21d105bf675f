import "server-only";
import { getDb } from "@/lib/db/client";
import { log } from "@/lib/log";
import { type StoredEvalRun, StoredEvalRunSchema } from "@/lib/eval/schemas";

/**
 * The most recent evaluation runs, newest first. A row whose JSON no longer fits the current
 * schema (written by an older runner) is skipped with a warning rather than breaking the page.
 */
export async function listEvalRuns(options: { limit?: number } = {}): Promise<StoredEvalRun[]> {
  const rows = await getDb().evalRun.findMany({ orderBy: { createdAt: "desc" }, take: options.limit ?? 50 });
  const runs: StoredEvalRun[] = [];
  for (const row of rows) {
    const parsed = StoredEvalRunSchema.safeParse(row);
    if (parsed.success) runs.push(parsed.data);
    else log.warn("skipping an eval run that does not fit the schema", { evalRunId: row.id, issues: parsed.error.issues.length });
  }
  return runs;
}
