"use client";

import Link from "next/link";
import { useMemoryWrite } from "@/hooks/use-memory-write";
import { MemoryWriteResultSchema, type MemoryWriteStatus } from "@/lib/jobs/schemas";

type Outcome = { status: MemoryWriteStatus["status"]; action: string | null; memoryId: string | null; message: string | null };

/** What the chip shows of a write: a delete's result reads as "deleted", a failure carries its message. */
function outcomeOf(write: MemoryWriteStatus): Outcome {
  const parsed = MemoryWriteResultSchema.safeParse(write.result);
  const result = parsed.success ? parsed.data : null;
  if (result && "deleted" in result) return { status: write.status, action: "deleted", memoryId: null, message: null };
  return {
    status: write.status,
    action: result?.action ?? null,
    memoryId: result?.memoryId ?? null,
    message: result?.message ?? (write.status === "failed" ? (write.error ?? "Memory write failed") : null),
  };
}

/**
 * The small "Memory saved / updated / forgotten" chip on the turn that caused a write. The
 * write runs in the background: the chip reads its status once, and the tab's live stream
 * tells it when the write has finished.
 */
export function MemoryWriteChip({ writeId, kind, count }: { writeId: string; kind: "create" | "supersede" | "delete"; count?: number }) {
  const { data, error } = useMemoryWrite(writeId);
  const state = data ? outcomeOf(data) : null;
  const lost = Boolean(error);

  const { label, tone } = describe(kind, state, count, lost);
  const link = state?.memoryId && state.status === "done" && kind !== "delete" ? `/memories/${state.memoryId}` : null;
  const className = `inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-xs font-medium ${TONES[tone]}`;
  return (
    <div role="status" data-testid="memory-chip" data-write-status={state?.status ?? "queued"} data-action={state?.action ?? ""}>
      {link ? (
        <Link href={link} className={`${className} hover:underline`}>
          <Dot tone={tone} /> {label}
        </Link>
      ) : (
        <span className={className}>
          <Dot tone={tone} /> {label}
        </span>
      )}
    </div>
  );
}

const TONES = {
  ok: "border-emerald-200 bg-emerald-50 text-emerald-800",
  info: "border-zinc-200 bg-zinc-50 text-zinc-700",
  warn: "border-amber-200 bg-amber-50 text-amber-800",
} as const;

function Dot({ tone }: { tone: keyof typeof TONES }) {
  const color = tone === "ok" ? "bg-emerald-500" : tone === "warn" ? "bg-amber-500" : "bg-zinc-400";
  return <span aria-hidden className={`h-1.5 w-1.5 rounded-full ${color}`} />;
}

function describe(kind: "create" | "supersede" | "delete", state: Outcome | null, count: number | undefined, lost: boolean) {
  if (!state || state.status === "queued" || state.status === "running") {
    return { label: lost ? "Saving memory (status unavailable)…" : kind === "delete" ? "Forgetting…" : "Saving memory…", tone: "info" as const };
  }
  if (state.status === "failed") return { label: state.message ?? "Memory write failed", tone: "warn" as const };
  switch (state.action) {
    case "created":
      return { label: kind === "supersede" ? "Memory updated" : "Memory saved", tone: "ok" as const };
    case "duplicate_skipped":
      return { label: "Already remembered", tone: "info" as const };
    case "rate_limited":
      return { label: "Not saved: memory write limit reached", tone: "warn" as const };
    case "deleted":
      return { label: `Forgotten${count && count > 1 ? ` (${count})` : ""}`, tone: "ok" as const };
    default:
      return { label: state.message ?? "Memory not saved", tone: "warn" as const };
  }
}
