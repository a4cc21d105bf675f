"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/memory/local-time";
import { useUpdateMemory } from "@/hooks/use-update-memory";
import { errorMessage } from "@/lib/client/fetch-json";

/** The end of a calendar day in the reader's own time zone, as the instant the server stores. */
const endOfLocalDay = (day: string) => new Date(`${day}T23:59:59.999`).toISOString();

/**
 * When an active or pending memory stops counting: a date (the memory expires at the end of
 * that day, in the reader's time zone) or never. Changed in place and audited.
 */
export function MemoryExpiryForm({ memoryId, expiresAt }: { memoryId: string; expiresAt: string | null }) {
  const updateMemory = useUpdateMemory();
  const id = useId();
  const [day, setDay] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save(value: string | null) {
    setBusy(true);
    setError(null);
    try {
      await updateMemory(memoryId, { expiresAt: value });
      setDay("");
    } catch (err) {
      setError(errorMessage(err, "Could not change the expiry; nothing was changed."));
    } finally {
      setBusy(false);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (day) void save(endOfLocalDay(day));
  }

  return (
    <form onSubmit={submit} aria-label="Expiry" className="flex flex-col gap-2">
      <p className="text-sm text-zinc-700" data-testid="memory-expiry">
        {expiresAt ? (
          <>
            Expires <LocalTime iso={expiresAt} />
          </>
        ) : (
          "Never expires."
        )}
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <label htmlFor={`${id}-day`} className="flex flex-col gap-1 text-sm font-medium text-zinc-700">
          Expiry date
          <input
            id={`${id}-day`}
            type="date"
            value={day}
            min={new Date().toISOString().slice(0, 10)}
            onChange={(e) => setDay(e.target.value)}
            className="rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200"
          />
        </label>
        <Button type="submit" variant="secondary" disabled={busy || day === ""}>
          Set expiry
        </Button>
        {expiresAt ? (
          <Button type="button" variant="ghost" disabled={busy} onClick={() => void save(null)}>
            Clear expiry
          </Button>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </form>
  );
}
