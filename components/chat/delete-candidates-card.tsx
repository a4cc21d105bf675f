"use client";

import { Button } from "@/components/ui/button";

type Candidate = { id: string; content: string; type: string };

/** Candidates found for a "forget …" request; nothing is deleted until the user confirms. */
export function DeleteCandidatesCard({
  candidates,
  canAnswer,
  onConfirm,
  onCancel,
}: {
  candidates: Candidate[];
  canAnswer: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <section aria-label="Memories to forget" className="w-full max-w-[85%] rounded-xl border border-red-200 bg-red-50 p-3 text-sm">
      <p className="text-xs font-semibold uppercase tracking-wide text-red-800">Forget these?</p>
      <ul className="mt-1 list-disc pl-5 text-zinc-900">
        {candidates.map((c) => (
          <li key={c.id}>
            {c.content} <span className="text-xs text-zinc-500">({c.type})</span>
          </li>
        ))}
      </ul>
      {canAnswer ? (
        <div className="mt-2 flex gap-2">
          <Button variant="danger" onClick={onConfirm}>
            Forget
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            Keep
          </Button>
        </div>
      ) : null}
    </section>
  );
}
