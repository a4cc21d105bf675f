import type { ImportOutcome, ImportReport } from "@/lib/user-data/schemas";

const OUTCOME: Record<ImportOutcome, { label: string; style: string }> = {
  created: { label: "created", style: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  duplicate: { label: "duplicate", style: "bg-sky-50 text-sky-800 ring-sky-200" },
  already_imported: { label: "already here", style: "bg-zinc-100 text-zinc-700 ring-zinc-300" },
  refused: { label: "refused", style: "bg-orange-50 text-orange-900 ring-orange-200" },
};

/** What an import did, or in a dry run would do: the totals, then each item with its outcome and why. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { counts } = report;
  const verb = report.dryRun ? "would be" : "were";
  return (
    <div className="flex flex-col gap-2" data-testid="import-report">
      <p role="status" className="text-sm text-zinc-800">
        {report.dryRun ? "Dry run: nothing was imported. " : "Imported. "}
        {counts.total} {counts.total === 1 ? "item" : "items"} ({report.format}): {counts.created} {verb} created, {counts.duplicate} skipped as
        duplicates, {counts.alreadyImported} already in your account, {counts.refused} refused.
      </p>
      <ol aria-label={report.dryRun ? "What the import would do" : "What the import did"} className="flex max-h-80 flex-col gap-1 overflow-y-auto text-sm">
        {report.items.map((item) => (
          <li key={item.index} className="flex flex-wrap items-baseline gap-2 rounded border border-zinc-100 px-2 py-1" data-outcome={item.outcome}>
            <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ring-1 ${OUTCOME[item.outcome].style}`}>
              {OUTCOME[item.outcome].label}
            </span>
            <span className="text-zinc-900">{item.preview}</span>
            <span className="text-xs text-zinc-500">
              {item.type}
              {item.status !== "active" ? `, ${item.status}` : ""}
            </span>
            {item.message && item.outcome !== "created" ? <span className="w-full text-xs text-zinc-600">{item.message}</span> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
