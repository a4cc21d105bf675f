import Link from "next/link";
import type { StoredEvalRun } from "@/lib/eval/schemas";

const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;

/** The run history behind the chart, newest first; each row opens that run's per-case results. */
export function EvalsRunsTable({ runs, selectedId, dataset }: { runs: StoredEvalRun[]; selectedId: string; dataset: string }) {
  return (
    <div className="max-h-96 overflow-y-auto rounded-lg border border-zinc-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="sr-only">Runs on {dataset}</caption>
        <thead className="sticky top-0 bg-zinc-50 text-left text-xs uppercase tracking-wide text-zinc-500">
          <tr>
            <th scope="col" className="px-3 py-2">When (UTC)</th>
            <th scope="col" className="px-3 py-2 text-right">Precision</th>
            <th scope="col" className="px-3 py-2 text-right">Recall</th>
            <th scope="col" className="px-3 py-2">Gate</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {runs.map((run) => (
            <tr key={run.id} className={run.id === selectedId ? "bg-indigo-50" : undefined}>
              <th scope="row" className="whitespace-nowrap px-3 py-1.5 text-left font-normal">
                <Link
                  href={`/admin/evals?${new URLSearchParams({ dataset, run: run.id })}`}
                  aria-current={run.id === selectedId ? "true" : undefined}
                  className="text-indigo-700 hover:underline"
                >
                  {run.createdAt.toISOString().slice(0, 16).replace("T", " ")}
                </Link>
              </th>
              <td className="px-3 py-1.5 text-right tabular-nums">{percent(run.metrics.extraction_precision)}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">{percent(run.metrics.extraction_recall)}</td>
              <td className={`px-3 py-1.5 ${run.passed ? "text-emerald-700" : "font-medium text-red-700"}`}>{run.passed ? "passed" : "failed"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
