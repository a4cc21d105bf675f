"use client";

import { useId, useState, type FormEvent } from "react";
import { ConfirmDialog } from "@/components/memory/confirm-dialog";
import { StatusBadge } from "@/components/memory/status-badge";
import { Button } from "@/components/ui/button";
import { useEraseMemories } from "@/hooks/use-erase-memories";
import { errorMessage } from "@/lib/client/fetch-json";
import type { ErasurePreview, ErasureResult, ErasureScope } from "@/lib/user-data/schemas";

type Pending = { scope: ErasureScope; preview: ErasurePreview };

/**
 * Erase for good: everything matching a search, or all memories. Each asks first, saying how
 * many memories (with all their versions) it covers and showing the newest of them.
 */
export function EraseDataSection() {
  const { preview, erase } = useEraseMemories();
  const id = useId();
  const [query, setQuery] = useState("");
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ErasureResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function ask(scope: ErasureScope) {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setPending({ scope, preview: await preview(scope) });
    } catch (err) {
      setError(errorMessage(err, "Could not find what to erase; nothing was changed."));
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    if (!pending) return;
    setBusy(true);
    try {
      setResult(await erase(pending.scope));
      setQuery("");
    } catch (err) {
      setError(errorMessage(err, "The erasure did not finish. Run it again to complete it."));
    } finally {
      setBusy(false);
      setPending(null);
    }
  }

  function search(e: FormEvent) {
    e.preventDefault();
    if (query.trim().length >= 2) void ask({ scope: "search", query: query.trim() });
  }

  const count = pending?.preview.memories ?? 0;
  return (
    <section aria-labelledby="erase-heading" className="flex flex-col gap-3 rounded-lg border border-red-200 bg-white p-4">
      <h2 id="erase-heading" className="text-base font-semibold">
        Erase for good
      </h2>
      <p className="text-sm text-zinc-700">
        Deleting a memory elsewhere keeps it in its history. Erasing removes it and every version of it, the chat messages it came from
        or that quote it, and summaries that mention it. A content-free receipt stays in your activity. It cannot be undone.
      </p>
      <form role="search" aria-label="Find memories to erase" onSubmit={search} className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <label htmlFor={`${id}-q`} className="flex flex-1 flex-col gap-1 text-sm font-medium text-zinc-700">
          Erase memories matching
          <input
            id={`${id}-q`}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            minLength={2}
            maxLength={200}
            placeholder="a word or phrase"
            className="rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200"
          />
        </label>
        <Button type="submit" variant="secondary" disabled={busy || query.trim().length < 2}>
          Find memories to erase
        </Button>
      </form>
      <div>
        <Button variant="danger" disabled={busy} onClick={() => void ask({ scope: "all" })}>
          Erase all memories…
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {result ? (
        <p role="status" className="text-sm text-emerald-800">
          Erased {result.counts.memories} {result.counts.memories === 1 ? "memory" : "memories"} and {result.counts.episodes} conversation{" "}
          {result.counts.episodes === 1 ? "summary" : "summaries"}; {result.counts.messages} chat messages and {result.counts.titles} titles were
          replaced.
        </p>
      ) : null}
      <ConfirmDialog
        open={pending !== null}
        title={pending?.scope.scope === "all" ? "Erase all your memories for good?" : "Erase these memories for good?"}
        confirmLabel={count === 0 ? "Nothing to erase" : `Erase ${count} ${count === 1 ? "memory" : "memories"}`}
        busy={busy}
        onConfirm={() => (count === 0 ? setPending(null) : void confirm())}
        onCancel={() => setPending(null)}
      >
        {count === 0 ? (
          <p>No memory matches.</p>
        ) : (
          <>
            <p>
              {count} {count === 1 ? "memory" : "memories"} (with every version) will be erased for good
              {pending?.scope.scope === "search" ? ` for “${pending.scope.query}”` : ""}. This cannot be undone.
            </p>
            <ul aria-label="Memories to erase" className="mt-2 flex max-h-48 flex-col gap-1 overflow-y-auto">
              {pending?.preview.sample.map((m) => (
                <li key={m.id} className="flex items-baseline gap-2">
                  <StatusBadge status={m.status} />
                  <span>{m.content}</span>
                </li>
              ))}
            </ul>
            {count > (pending?.preview.sample.length ?? 0) ? <p className="mt-1 text-xs text-zinc-500">…and {count - pending!.preview.sample.length} more</p> : null}
          </>
        )}
      </ConfirmDialog>
    </section>
  );
}
