"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useDecideProposal } from "@/hooks/use-decide-proposal";
import { useProposal } from "@/hooks/use-proposal";
import { errorMessage } from "@/lib/client/fetch-json";

/**
 * Inline card for a medium-confidence proposal. It reads the proposal's current state, so a
 * decision made on the Pending page shows here too, and it can be decided once.
 */
export function ProposalCard({ proposalId, content }: { proposalId: string; content: string }) {
  const { data: proposal } = useProposal(proposalId);
  const decideProposal = useDecideProposal();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function decide(decision: "confirm" | "reject") {
    setBusy(true);
    setError(null);
    try {
      await decideProposal(proposalId, decision);
    } catch (failure) {
      setError(errorMessage(failure, "Could not save your choice. Try again."));
    } finally {
      setBusy(false);
    }
  }

  const decided = proposal && proposal.status !== "pending";
  return (
    <section
      aria-label="Memory proposal"
      data-testid="proposal-card"
      className="w-full max-w-[85%] rounded-xl border border-amber-200 bg-amber-50 p-3 text-sm"
    >
      <p className="text-xs font-semibold uppercase tracking-wide text-amber-800">Remember this?</p>
      <p className="mt-1 text-zinc-900">{content}</p>
      {decided ? (
        <p className="mt-2 text-xs font-medium text-zinc-700" role="status">
          {proposal.status === "rejected" ? (
            "Dismissed — not remembered."
          ) : proposal.memoryId ? (
            <Link className="text-emerald-800 underline" href={`/memories/${proposal.memoryId}`}>
              {proposal.outcome === "duplicate_skipped" ? "Already remembered." : "Saved to memory."}
            </Link>
          ) : proposal.outcome === "rate_limited" ? (
            "Not saved: memory write limit reached."
          ) : (
            "Saved to memory."
          )}
        </p>
      ) : (
        <div className="mt-2 flex gap-2">
          <Button onClick={() => decide("confirm")} disabled={busy || !proposal}>
            Save
          </Button>
          <Button variant="secondary" onClick={() => decide("reject")} disabled={busy || !proposal}>
            Dismiss
          </Button>
        </div>
      )}
      {error ? (
        <p role="alert" className="mt-2 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </section>
  );
}
