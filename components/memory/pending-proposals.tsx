"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/memory/local-time";
import { useDecideProposal } from "@/hooks/use-decide-proposal";
import { usePendingProposals } from "@/hooks/use-pending-proposals";
import { errorMessage } from "@/lib/client/fetch-json";
import type { MemoryListItem, PendingList, ProposalState } from "@/lib/memory/view-schemas";

function outcomeText(state: ProposalState): string {
  if (state.outcome === "rate_limited") return "Not saved yet: the memory write limit was reached. Try again later.";
  if (state.status === "rejected") return "Dismissed — not remembered.";
  if (state.outcome === "duplicate_skipped") return "Already remembered.";
  return "Saved to memory.";
}

/** Proposals waiting for the user: Confirm goes through the write path, Reject is audited. */
export function PendingProposals({ initial }: { initial: PendingList }) {
  const { items } = usePendingProposals({ fallback: initial });
  const decideProposal = useDecideProposal();
  const [busy, setBusy] = useState<string | null>(null);
  const [results, setResults] = useState<Record<string, { tone: "ok" | "error"; text: string; item: MemoryListItem }>>({});
  // A decided proposal leaves the pending list when it revalidates; it stays on screen, in
  // place, with its outcome (new proposals that arrive meanwhile go on top).
  const seen = useRef<MemoryListItem[]>(items);
  const fresh = items.filter((i) => !seen.current.some((s) => s.id === i.id));
  if (fresh.length) seen.current = [...fresh, ...seen.current];
  const shown = seen.current.filter((i) => items.some((x) => x.id === i.id) || results[i.id]);

  async function decide(item: MemoryListItem, decision: "confirm" | "reject") {
    const id = item.id;
    setBusy(id);
    try {
      const state = await decideProposal(id, decision);
      setResults((r) => ({ ...r, [id]: { tone: "ok", text: outcomeText(state), item } }));
    } catch (error) {
      setResults((r) => ({ ...r, [id]: { tone: "error", text: errorMessage(error, "Could not save your choice."), item } }));
    } finally {
      setBusy(null);
    }
  }

  if (shown.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-600">
        Nothing waiting. When the assistant is unsure whether to remember something, it asks here and in the chat.
      </p>
    );
  }

  return (
    <ul aria-label="Pending proposals" className="flex flex-col gap-2">
      {shown.map((p) => {
        const result = results[p.id];
        const open = items.some((i) => i.id === p.id) && result?.tone !== "ok";
        return (
          <li key={p.id} data-testid="pending-proposal" className="flex flex-col gap-2 rounded-lg border border-amber-200 bg-amber-50 p-3 sm:flex-row sm:items-center">
            <div className="min-w-0 flex-1">
              <p className="break-words text-sm font-medium text-zinc-900">{p.content}</p>
              <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-zinc-600">
                <span>{p.type}</span>
                <span>confidence {p.confidence.toFixed(2)}</span>
                <LocalTime iso={p.createdAt} />
              </p>
            </div>
            {result ? (
              <p role={result.tone === "error" ? "alert" : "status"} className={`text-sm ${result.tone === "error" ? "text-red-700" : "text-zinc-700"}`}>
                {result.text}
              </p>
            ) : null}
            {open ? (
            <div className="flex gap-2">
              <Button onClick={() => decide(p, "confirm")} disabled={busy !== null} aria-label={`Confirm: ${p.content}`}>
                Confirm
              </Button>
              <Button variant="secondary" onClick={() => decide(p, "reject")} disabled={busy !== null} aria-label={`Reject: ${p.content}`}>
                Reject
              </Button>
            </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
