import type { MemoryStatus } from "@/lib/db/enums";

const STYLES: Record<MemoryStatus, string> = {
  active: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  pending: "bg-amber-50 text-amber-800 ring-amber-200",
  superseded: "bg-sky-50 text-sky-800 ring-sky-200",
  deleted: "bg-red-50 text-red-800 ring-red-200",
  rejected: "bg-zinc-100 text-zinc-700 ring-zinc-300",
  expired: "bg-zinc-50 text-zinc-500 ring-zinc-200",
};

export function StatusBadge({ status }: { status: MemoryStatus }) {
  return <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ring-1 ${STYLES[status]}`}>{status}</span>;
}
