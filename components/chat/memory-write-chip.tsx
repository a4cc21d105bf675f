"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { z } from "zod";

const ResultSchema = z
  .looseObject({ action: z.string().optional(), memoryId: z.string().optional(), message: z.string().optional(), deleted: z.array(z.string()).optional() })
  .nullable()
  .catch(null);
const WriteStatusSchema = z
  .object({ status: z.enum(["queued", "running", "done", "failed"]), result: ResultSchema, error: z.string().nullable() })
  .transform(({ status, result, error }) => ({
    status,
    action: result?.deleted ? "deleted" : (result?.action ?? null),
    memoryId: result?.memoryId ?? null,
    message: result?.message ?? (status === "failed" ? (error ?? "Memory write failed") : null),
  }));
type WriteStatus = z.infer<typeof WriteStatusSchema>;

/**
 * The small "Memory saved / updated / forgotten" chip on the turn that caused a write. The
 * write runs in the background, so the chip follows it until it has an outcome.
 */
export function MemoryWriteChip({ writeId, kind, count }: { writeId: string; kind: "create" | "supersede" | "delete"; count?: number }) {
  const [state, setState] = useState<WriteStatus | null>(null);
  const [lost, setLost] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let delay = 300;
    let timer: ReturnType<typeof setTimeout>;
    async function poll() {
      try {
        const response = await fetch(`/api/memory-writes/${writeId}`, { cache: "no-store" });
        if (!response.ok) throw new Error(String(response.status));
        const next = WriteStatusSchema.parse(await response.json());
        if (cancelled) return;
        setState(next);
        if (next.status === "done" || next.status === "failed") return;
      } catch {
        if (cancelled) return;
        setLost(true);
      }
      delay = Math.min(delay * 1.5, 3000);
      timer = setTimeout(poll, delay);
    }
    void poll();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [writeId]);

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

function describe(kind: "create" | "supersede" | "delete", state: WriteStatus | null, count: number | undefined, lost: boolean) {
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
