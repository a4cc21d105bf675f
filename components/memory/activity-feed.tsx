"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { MemoryEventRow } from "@/components/memory/memory-event-row";
import { useKeysetPages } from "@/hooks/use-keyset-pages";
import { useMemoryStream, type StreamConnection } from "@/hooks/use-memory-stream";
import { ActivityPageSchema } from "@/lib/memory/view-schemas";
import type { MemoryEvent } from "@/lib/memory/schemas";

const LABELS: Record<StreamConnection, string> = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…" };
const DOTS: Record<StreamConnection, string> = { connecting: "bg-zinc-400", live: "bg-emerald-500", reconnecting: "bg-amber-500 animate-pulse" };

const newestFirst = (a: MemoryEvent, b: MemoryEvent) => (BigInt(b.seq) > BigInt(a.seq) ? 1 : BigInt(b.seq) < BigInt(a.seq) ? -1 : 0);
const olderPageUrl = (cursor: string) => `/api/activity?before=${cursor}&limit=50`;

function uniqueById(events: MemoryEvent[]): MemoryEvent[] {
  const byId = new Map<string, MemoryEvent>();
  for (const event of events) if (!byId.has(event.id)) byId.set(event.id, event);
  return [...byId.values()];
}

/**
 * The live Activity list. The server renders the newest page; the tab's live stream then
 * replays everything after it and keeps delivering (after a drop the browser resends
 * Last-Event-ID and the server replays what was missed from the audit table), newest on top.
 * Older pages load on demand.
 */
export function ActivityFeed({ initial, initialCursor }: { initial: MemoryEvent[]; initialCursor: string | null }) {
  const { connection, follow } = useMemoryStream();
  const [live, setLive] = useState<MemoryEvent[]>([]);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const older = useKeysetPages({ firstCursor: initialCursor, pageUrl: olderPageUrl, schema: ActivityPageSchema });

  // Follows from the newest rendered event, once per mount; with nothing rendered, from 0, so a
  // write between the render and the connect is replayed too.
  const [afterSeq] = useState(initial[0]?.seq ?? "0");
  useEffect(
    () =>
      follow(afterSeq, (event) => {
        setLive((list) => (list.some((e) => e.id === event.id) ? list : [event, ...list].sort(newestFirst)));
        setFresh((s) => new Set(s).add(event.id));
      }),
    [follow, afterSeq],
  );

  const events = uniqueById([...live, ...initial, ...older.items]);

  return (
    <section aria-labelledby="activity-heading" className="flex flex-col gap-3">
      <div className="flex items-center justify-between gap-2">
        <h1 id="activity-heading" className="text-xl font-semibold">
          Activity
        </h1>
        <p role="status" aria-live="polite" data-testid="connection-state" className="flex items-center gap-2 text-sm text-zinc-700">
          <span aria-hidden className={`inline-block size-2.5 rounded-full ${DOTS[connection]}`} />
          {LABELS[connection]}
        </p>
      </div>
      <p className="text-sm text-zinc-600">Every memory the assistant writes, changes or forgets, as it happens.</p>
      {events.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-600">
          No memory activity yet. Tell the assistant something about yourself in the chat and it shows up here.
        </p>
      ) : (
        <ol aria-label="Memory write events" className="flex flex-col gap-2">
          {events.map((event) => (
            <MemoryEventRow key={event.id} event={event} highlight={fresh.has(event.id)} />
          ))}
        </ol>
      )}
      {older.error && !older.loading ? (
        <p role="alert" className="text-sm text-red-700">
          Could not load older events. Try again.
        </p>
      ) : null}
      {older.nextCursor ? (
        <Button variant="secondary" onClick={older.loadMore} disabled={older.loading} className="self-center">
          {older.loading ? "Loading…" : "Load older events"}
        </Button>
      ) : null}
    </section>
  );
}
