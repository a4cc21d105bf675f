"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { useUpdateMemory } from "@/hooks/use-update-memory";
import { errorMessage } from "@/lib/client/fetch-json";
import type { MemoryType } from "@/lib/db/enums";
import { EditableMemoryTypeSchema } from "@/lib/memory/edit-schemas";

/**
 * Corrects an active memory's text or type. The server keeps the old one as a superseded
 * version and answers with the new one, which the page then shows.
 */
export function EditMemoryForm({ memoryId, content, type }: { memoryId: string; content: string; type: MemoryType }) {
  const router = useRouter();
  const updateMemory = useUpdateMemory();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(content);
  const [newType, setNewType] = useState<MemoryType>(type);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await updateMemory(memoryId, {
        ...(text.trim() !== content ? { content: text.trim() } : {}),
        ...(newType !== type ? { type: newType as (typeof EditableMemoryTypeSchema.options)[number] } : {}),
      });
      setOpen(false);
      if (result.action === "edited") router.push(`/memories/${result.memoryId}`);
    } catch (err) {
      setError(errorMessage(err, "Could not save the change; nothing was changed."));
    } finally {
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Edit memory
      </Button>
    );
  }
  const field = "rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200";
  const unchanged = text.trim() === content && newType === type;
  return (
    <form onSubmit={save} aria-label="Edit memory" className="flex w-full flex-col gap-2 rounded-md border border-zinc-200 p-3">
      <label htmlFor={`${id}-text`} className="text-sm font-medium text-zinc-700">
        Memory text
      </label>
      <textarea id={`${id}-text`} value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} rows={3} required className={field} />
      {type === "episode" ? null : (
        <label className="flex flex-col gap-1 text-sm font-medium text-zinc-700">
          Type
          <select value={newType} onChange={(e) => setNewType(e.target.value as MemoryType)} className={field}>
            {EditableMemoryTypeSchema.options.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
      )}
      <p className="text-xs text-zinc-500">Saving keeps this version in the memory&apos;s history and makes the new one current.</p>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={busy || unchanged || text.trim() === ""}>
          {busy ? "Saving…" : "Save"}
        </Button>
        <Button
          type="button"
          variant="secondary"
          disabled={busy}
          onClick={() => {
            setOpen(false);
            setText(content);
            setNewType(type);
            setError(null);
          }}
        >
          Cancel
        </Button>
      </div>
    </form>
  );
}
