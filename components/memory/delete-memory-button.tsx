"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/memory/confirm-dialog";
import { useDeleteMemories } from "@/hooks/use-delete-memories";

/** Soft-deletes one memory after a confirmation; the page then shows it as deleted. */
export function DeleteMemoryButton({ memoryId, content }: { memoryId: string; content: string }) {
  const deleteMemories = useDeleteMemories();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      const result = await deleteMemories([memoryId]);
      if (!result.deleted.includes(memoryId)) setError("Could not delete this memory; nothing was changed.");
    } catch {
      setError("Could not delete this memory; nothing was changed.");
    } finally {
      setBusy(false);
      setOpen(false);
    }
  }

  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Delete memory
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <ConfirmDialog open={open} title="Delete this memory?" confirmLabel="Delete" busy={busy} onConfirm={remove} onCancel={() => setOpen(false)}>
        <p className="italic">“{content}”</p>
        <p className="mt-2">The assistant will stop using it. The deletion is recorded in your activity.</p>
      </ConfirmDialog>
    </>
  );
}
