import { FactList } from "@/components/ui/fact-list";
import type { StoredEvalRun } from "@/lib/eval/schemas";

const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;

/** A run's metadata and headline metrics, with the gate verdict. */
export function EvalsRunSummary({ run }: { run: StoredEvalRun }) {
  const m = run.metrics;
  const items: [string, string][] = [
    ["Precision", `${percent(m.extraction_precision)} (gate ≥ ${percent(run.params.min_precision)})`],
    ["Recall", `${percent(m.extraction_recall)} (gate ≥ ${percent(run.params.min_recall)})`],
    ["False-positive rate", `${percent(m.false_positive_rate)} (${m.false_positive_count} writes)`],
    ["Cross-user writes", String(m.cross_user_writes)],
    ["Case latency p50 / p95", `${Math.round(m.latency_p50)} / ${Math.round(m.latency_p95)} ms`],
    ["Turn latency p50 / p95", `${Math.round(m.turn_latency_p50)} / ${Math.round(m.turn_latency_p95)} ms`],
    ["Cases / turns / errors", `${m.total_cases} / ${m.total_turns} / ${m.error_cases}`],
    ["Deletes P / R", `${percent(m.delete_precision)} / ${percent(m.delete_recall)}`],
  ];
  return (
    <section aria-labelledby="latest-run" className="rounded-lg border border-zinc-200 bg-white p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="latest-run" className="text-base font-semibold">
          Run of {run.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC
        </h2>
        <span
          className={`rounded px-2 py-0.5 text-xs font-medium ${run.passed ? "bg-emerald-100 text-emerald-800" : "bg-red-100 text-red-800"}`}
        >
          {run.passed ? "gate passed" : "gate failed"}
        </span>
      </div>
      <p className="mt-1 text-sm text-zinc-600">
        <span className="font-mono text-xs">{run.dataset}</span> · {run.model} · run <span className="font-mono text-xs">{run.id}</span>
      </p>
      <FactList items={items} className="mt-3" />
    </section>
  );
}
