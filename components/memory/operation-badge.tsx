import type { MemoryOperation } from "@/lib/db/enums";

const STYLES: Record<MemoryOperation, string> = {
  create: "bg-emerald-100 text-emerald-800",
  confirm: "bg-emerald-100 text-emerald-800",
  supersede: "bg-sky-100 text-sky-800",
  propose: "bg-amber-100 text-amber-800",
  reject: "bg-zinc-200 text-zinc-800",
  delete: "bg-red-100 text-red-800",
  refuse: "bg-orange-100 text-orange-900",
  redact: "bg-violet-100 text-violet-800",
  erase: "bg-zinc-800 text-white",
  expire: "bg-zinc-200 text-zinc-700",
};

export function OperationBadge({ operation }: { operation: MemoryOperation }) {
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide ${STYLES[operation]}`}>
      {operation}
    </span>
  );
}
