"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { MemoryEventRow } from "@/components/memory/memory-event-row";
import { ActivityPageSchema } from "@/lib/memory/view-schemas";
import { MemoryEventSchema, type MemoryEvent } from "@/lib/memory/schemas";

type Connection = "connecting" | "live" | "reconnecting";

// Two missed heartbeats (the server pings every 15 s).
const STALL_MS = 40_000;

const LABELS: Record<Connection, string> = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…" };
const DOTS: Record<Connection, string> = { connecting: "bg-zinc-400", live: "bg-emerald-500", reconnecting: "bg-amber-500 animate-pulse" };

/**
 * The live Activity list. The server renders the newest page; the EventSource then streams
 * everything after it (the browser resends Last-Event-ID on its own after a drop, and the
 * server replays what was missed from the audit table), newest on top.
 */
export function ActivityFeed({ initial, initialCursor }: { initial: MemoryEvent[]; initialCursor: string | null }) {
  const [events, setEvents] = useState(initial);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const [connection, setConnection] = useState<Connection>("connecting");
  const [cursor, setCursor] = useState(initialCursor);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // With nothing rendered yet, resume from 0: a write between the render and the connect is replayed.
  const newestSeq = useRef(initial[0]?.seq ?? "0");

  useEffect(() => {
    let source: EventSource | null = null;
    let lastSeq = newestSeq.current;
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    // The browser reconnects by itself after an error (sending Last-Event-ID), but not after a
    // silent stall (a sleeping laptop, a half-open connection) or a refused reconnect: no event
    // for this long, pings included, and the feed reconnects from the last event it showed.
    const arm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(restart, STALL_MS);
    };
    function connect() {
      source = new EventSource(`/api/activity/stream?after=${lastSeq}`);
      source.addEventListener("ready", () => {
        setConnection("live");
        arm();
      });
      source.addEventListener("ping", arm);
      source.addEventListener("error", () => setConnection("reconnecting"));
      source.addEventListener("memory", (message) => {
        arm();
        const parsed = MemoryEventSchema.safeParse(JSON.parse((message as MessageEvent<string>).data));
        if (!parsed.success) return;
        const event = parsed.data;
        lastSeq = event.seq;
        setEvents((list) => (list.some((e) => e.id === event.id) ? list : [event, ...list]));
        setFresh((s) => new Set(s).add(event.id));
      });
      arm();
    }
    function restart() {
      source?.close();
      setConnection("reconnecting");
      connect();
    }
    connect();
    return () => {
      clearTimeout(watchdog);
      source?.close();
    };
  }, []);

  async function loadOlder() {
    if (!cursor) return;
    setLoadingOlder(true);
    setError(null);
    try {
      const response = await fetch(`/api/activity?before=${cursor}&limit=50`, { cache: "no-store" });
      if (!response.ok) throw new Error(String(response.status));
      const page = ActivityPageSchema.parse(await response.json());
      setEvents((list) => [...list, ...page.items.filter((e) => !list.some((x) => x.id === e.id))]);
      setCursor(page.nextCursor);
    } catch {
      setError("Could not load older events. Try again.");
    } finally {
      setLoadingOlder(false);
    }
  }

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
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {cursor ? (
        <Button variant="secondary" onClick={loadOlder} disabled={loadingOlder} className="self-center">
          {loadingOlder ? "Loading…" : "Load older events"}
        </Button>
      ) : null}
    </section>
  );
}
