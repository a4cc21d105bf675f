"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/memory/confirm-dialog";
import { useEraseMemories } from "@/hooks/use-erase-memories";
import { errorMessage } from "@/lib/client/fetch-json";

/**
 * Erases one memory for good (with every version of it, and the chat messages and summaries
 * that quote it) after a confirmation that says how many versions go; then back to the list.
 */
export function EraseMemoryButton({ memoryId, content }: { memoryId: string; content: string }) {
  const router = useRouter();
  const { preview, erase } = useEraseMemories();
  const [versions, setVersions] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function ask() {
    setError(null);
    setBusy(true);
    try {
      setVersions((await preview({ scope: "memory", memoryId })).memories);
    } catch (err) {
      setError(errorMessage(err, "Could not prepare the erasure; nothing was changed."));
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    setBusy(true);
    try {
      await erase({ scope: "memory", memoryId });
      setVersions(null);
      router.push("/memories");
    } catch (err) {
      setError(errorMessage(err, "Could not erase this memory; nothing was changed."));
      setVersions(null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button variant="danger" onClick={() => void ask()} disabled={busy}>
        Erase for good
      </Button>
      {error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <ConfirmDialog
        open={versions !== null}
        title="Erase this memory for good?"
        confirmLabel="Erase for good"
        busy={busy}
        onConfirm={() => void confirm()}
        onCancel={() => setVersions(null)}
      >
        <p className="italic">“{content}”</p>
        <p className="mt-2">
          This removes it{versions && versions > 1 ? ` and its ${versions - 1} other ${versions === 2 ? "version" : "versions"}` : ""}, the chat
          messages it came from or that quote it, and summaries that mention it. Only a content-free receipt stays in your activity. This
          cannot be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}
