import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { EvalsCaseTable } from "@/components/admin/evals-case-table";
import { EvalsChart } from "@/components/admin/evals-chart";
import { EvalsRunSummary } from "@/components/admin/evals-run-summary";
import { EvalsRunsTable } from "@/components/admin/evals-runs-table";
import { requireAdmin } from "@/lib/auth/require-admin";
import { listEvalRuns } from "@/lib/eval/list-eval-runs";

export const metadata: Metadata = { title: "Evals" };

const SearchSchema = z.object({
  dataset: z.string().min(1).optional().catch(undefined),
  run: z.string().min(1).optional().catch(undefined),
});

export default async function EvalsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const search = SearchSchema.parse(await searchParams);
  const allRuns = await listEvalRuns({ limit: 200 });
  const datasets = [...new Set(allRuns.map((run) => run.dataset))];
  // Precision on the 5-case smoke set and on the golden set are different series: chart one dataset at a time.
  const dataset = search.dataset && datasets.includes(search.dataset) ? search.dataset : allRuns[0]?.dataset;
  const runs = allRuns.filter((run) => run.dataset === dataset).slice(0, 50);
  const selected = runs.find((run) => run.id === search.run) ?? runs[0];

  return (
    <main className="mx-auto flex w-full max-w-7xl flex-col gap-4 px-4 py-6">
      <div>
        <h1 className="text-xl font-semibold">Memory-write evals</h1>
        <p className="text-sm text-zinc-600">
          Each <code className="font-mono text-xs">npm run eval</code> is stored here. The gate needs precision and recall at or above
          their thresholds and zero cross-user writes.
        </p>
      </div>

      {!selected || !dataset ? (
        <p role="status" className="rounded-lg border border-dashed border-zinc-300 bg-white p-6 text-sm text-zinc-600">
          No eval runs yet. Run{" "}
          <code className="font-mono text-xs">npm run eval -- --dataset eval/memory_write_golden_dataset.json</code> to record the first one.
        </p>
      ) : (
        <>
          {datasets.length > 1 ? (
            <nav aria-label="Datasets" className="flex flex-wrap gap-2">
              {datasets.map((name) => (
                <Link
                  key={name}
                  href={`/admin/evals?${new URLSearchParams({ dataset: name })}`}
                  aria-current={name === dataset ? "page" : undefined}
                  className={`rounded-md px-3 py-1.5 font-mono text-xs ${
                    name === dataset ? "bg-indigo-50 text-indigo-700" : "text-zinc-600 hover:bg-zinc-100"
                  }`}
                >
                  {name}
                </Link>
              ))}
            </nav>
          ) : null}
          <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
            <EvalsChart runs={runs} />
            <EvalsRunsTable runs={runs} selectedId={selected.id} dataset={dataset} />
          </div>
          <EvalsRunSummary run={selected} />
          <EvalsCaseTable cases={selected.cases} />
        </>
      )}
    </main>
  );
}
