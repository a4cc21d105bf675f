"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/memory/confirm-dialog";
import { LocalTime } from "@/components/memory/local-time";
import { Pagination } from "@/components/memory/pagination";
import { StatusBadge } from "@/components/memory/status-badge";
import { useDeleteMemories } from "@/hooks/use-delete-memories";
import { useMemories } from "@/hooks/use-memories";
import type { MemoryListItem, MemoryListPage } from "@/lib/memory/view-schemas";

const deletable = (m: MemoryListItem) => m.status === "active" || m.status === "pending";

/**
 * The memories of one page (filters, sort and page from the query string), with selection,
 * bulk delete (soft, audited, confirmed first) and the page links.
 */
export function MemoryList({ query, initial }: { query: string; initial: MemoryListPage }) {
  const page = useMemories({ query, fallback: initial });
  const items = page.items;
  const deleteMemories = useDeleteMemories();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const selectable = items.filter(deletable);
  const allSelected = selectable.length > 0 && selectable.every((m) => selected.has(m.id));

  async function deleteSelected() {
    setBusy(true);
    setMessage(null);
    try {
      const result = await deleteMemories([...selected]);
      setMessage({ tone: "success", text: `Deleted ${result.deleted.length} ${result.deleted.length === 1 ? "memory" : "memories"}.` });
      setSelected(new Set());
    } catch {
      setMessage({ tone: "error", text: "Could not delete the selected memories; nothing was changed." });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  const feedback = message ? (
    <p role={message.tone === "error" ? "alert" : "status"} className={`text-sm ${message.tone === "error" ? "text-red-700" : "text-emerald-700"}`}>
      {message.text}
    </p>
  ) : null;

  const pagination = (
    <div className="mt-2">
      <Pagination page={page.page} pageSize={page.pageSize} total={page.total} params={new URLSearchParams(query)} />
    </div>
  );

  if (items.length === 0) {
    return (
      <div className="flex flex-col gap-2">
        {feedback}
        <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-600">
          No memories match. Try other filters, or tell the assistant something about yourself.
        </p>
        {pagination}
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-sm text-zinc-700">
          <input
            type="checkbox"
            className="size-4 accent-indigo-600"
            checked={allSelected}
            disabled={selectable.length === 0}
            onChange={(e) => setSelected(e.target.checked ? new Set(selectable.map((m) => m.id)) : new Set())}
          />
          Select all on this page
        </label>
        <Button variant="danger" disabled={selected.size === 0 || busy} onClick={() => setConfirming(true)}>
          Delete selected ({selected.size})
        </Button>
      </div>
      {feedback}
      <ul aria-label="Memories" className="flex flex-col gap-2">
        {items.map((m) => (
          <li key={m.id} data-testid="memory-row" className="flex items-start gap-3 rounded-lg border border-zinc-200 bg-white p-3">
            <input
              type="checkbox"
              aria-label={`Select: ${m.content}`}
              className="mt-1 size-4 shrink-0 accent-indigo-600"
              disabled={!deletable(m)}
              checked={selected.has(m.id)}
              onChange={(e) =>
                setSelected((s) => {
                  const next = new Set(s);
                  if (e.target.checked) next.add(m.id);
                  else next.delete(m.id);
                  return next;
                })
              }
            />
            <div className="min-w-0 flex-1">
              <Link href={`/memories/${m.id}`} className="break-words text-sm font-medium text-zinc-900 hover:text-indigo-700 hover:underline">
                {m.content}
              </Link>
              <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-600">
                <StatusBadge status={m.status} />
                <span>{m.type}</span>
                <span>importance {m.importance.toFixed(2)}</span>
                <span>confidence {m.confidence.toFixed(2)}</span>
                <LocalTime iso={m.createdAt} />
              </div>
            </div>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={confirming}
        title={`Delete ${selected.size} ${selected.size === 1 ? "memory" : "memories"}?`}
        confirmLabel="Delete"
        busy={busy}
        onConfirm={deleteSelected}
        onCancel={() => setConfirming(false)}
      >
        The assistant will stop using {selected.size === 1 ? "it" : "them"}. Each deletion is recorded in your activity.
      </ConfirmDialog>
      {pagination}
    </div>
  );
}
