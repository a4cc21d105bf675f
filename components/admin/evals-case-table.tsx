import type { EvalCaseResult } from "@/lib/eval/schemas";

const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;

/** One row per case of a run: the numbers the gate is built from, failing rows first-glance visible. */
export function EvalsCaseTable({ cases }: { cases: EvalCaseResult[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="sr-only">Per-case results of the selected run</caption>
        <thead className="bg-zinc-50 text-left text-xs uppercase tracking-wide text-zinc-500">
          <tr>
            <th scope="col" className="px-3 py-2">Case</th>
            <th scope="col" className="px-3 py-2 text-right">Precision</th>
            <th scope="col" className="px-3 py-2 text-right">Recall</th>
            <th scope="col" className="px-3 py-2 text-right">False positives</th>
            <th scope="col" className="px-3 py-2 text-right">Latency</th>
            <th scope="col" className="px-3 py-2">Error</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {cases.map((result) => {
            const failing = result.precision < 1 || result.recall < 1 || result.error !== undefined;
            return (
              <tr key={result.case_id} className={failing ? "bg-amber-50" : undefined}>
                <th scope="row" className="whitespace-nowrap px-3 py-1.5 text-left font-mono text-xs font-normal">
                  {result.case_id}
                  {failing ? <span className="sr-only"> (below 100%)</span> : null}
                </th>
                <td className="px-3 py-1.5 text-right tabular-nums">{percent(result.precision)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{percent(result.recall)}</td>
                <td className={`px-3 py-1.5 text-right tabular-nums ${result.false_positive_count > 0 ? "font-semibold text-red-700" : ""}`}>
                  {result.false_positive_count}
                </td>
                <td className="px-3 py-1.5 text-right tabular-nums">{Math.round(result.latency_ms)} ms</td>
                <td className="max-w-md px-3 py-1.5 text-xs text-red-700">{result.error ?? ""}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
