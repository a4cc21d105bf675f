"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useSWRConfig } from "swr";
import { z } from "zod";
import { isFinishedWrite } from "@/hooks/use-memory-write";
import { MemoryStreamContext, type MemoryStream, type StreamConnection } from "@/hooks/use-memory-stream";
import { isMemoryViewKey, isMemoryWriteKey, swrKeys } from "@/lib/client/swr-keys";
import { MemoryWriteStatusSchema } from "@/lib/jobs/schemas";
import { MemoryWriteHintSchema } from "@/lib/memory/schemas";
import { MemoryEventSchema, type MemoryEvent } from "@/lib/memory/schemas";

// Two missed heartbeats (the server pings every 15 s).
const STALL_MS = 40_000;
// A bulk delete or a replay arrives as a burst of events: one revalidation per burst.
const BURST_MS = 150;
// Events kept for a follower that starts late (the Activity page mounting after a navigation).
const KEEP_EVENTS = 500;

/** `ready`'s data: the stream carries every audit event after `from` (lib/memory/open-activity-stream.ts). */
const ReadySchema = z.object({ from: z.string().regex(/^\d+$/).optional() });

type Follower = { afterSeq: bigint; onEvent: (event: MemoryEvent) => void };

/** Hands the follower an event it has not had yet, and moves its cursor past it. */
function deliver(follower: Follower, event: MemoryEvent) {
  const seq = BigInt(event.seq);
  if (seq <= follower.afterSeq) return;
  follower.afterSeq = seq;
  follower.onEvent(event);
}

function parseData<S extends z.ZodType>(schema: S, message: Event): z.infer<S> | null {
  try {
    const parsed = schema.safeParse(JSON.parse((message as MessageEvent<string>).data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The tab's one connection to /api/activity/stream, for every signed-in page. It turns the
 * stream into SWR revalidations: a `write` hint re-reads that write's status (the chat's chips),
 * a `memory` event re-reads memory lists, details, proposals and the pending count. Whenever
 * it (re)connects it re-reads unfinished writes, whose hints may have gone out while no stream
 * was open. The Activity feed follows the same connection from its own cursor.
 */
export function MemoryEventsProvider({ children }: { children: React.ReactNode }) {
  const { mutate, cache } = useSWRConfig();
  const [connection, setConnection] = useState<StreamConnection>("connecting");
  const followers = useRef(new Set<Follower>());
  // Where the next connection resumes: the newest audit event seen, or a follower's cursor;
  // null is "from now on". (A dropped connection resumes by itself with Last-Event-ID.)
  const cursor = useRef<string | null>(null);
  // What this tab has received without a gap: every event after `coveredFrom`, the newest of
  // them in `recent`. Null until the stream's first `ready`, and again after a gap.
  const coveredFrom = useRef<bigint | null>(null);
  const recent = useRef<MemoryEvent[]>([]);
  const reopenFrom = useRef<((afterSeq: string) => void) | null>(null);
  // Whether the current connection is up (between its `ready` and an error).
  const live = useRef(false);

  useEffect(() => {
    let source: EventSource | null = null;
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    let burst: ReturnType<typeof setTimeout> | undefined;
    let readyBefore = false;
    // The newest event received when the connection last dropped: a resume after it has no gap.
    let droppedAt: bigint | null = null;

    const revalidateMemoryViews = () => {
      burst ??= setTimeout(() => {
        burst = undefined;
        void mutate(isMemoryViewKey);
      }, BURST_MS);
    };
    const revalidateUnfinishedWrites = () =>
      void mutate((key) => {
        if (!isMemoryWriteKey(key)) return false;
        const status = MemoryWriteStatusSchema.safeParse(cache.get(key)?.data);
        return !status.success || !isFinishedWrite(status.data);
      });
    // The browser reconnects by itself after an error (sending Last-Event-ID), but not after a
    // silent stall (a sleeping laptop, a half-open connection) or a refused reconnect: no event
    // for this long, pings included, and the stream is reopened from the last event seen.
    const arm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => restart("reconnecting"), STALL_MS);
    };

    function onReady(from: bigint | null) {
      if (from === null) {
        coveredFrom.current = null;
        recent.current = [];
      } else if (coveredFrom.current === null) {
        // A new connection: it carries everything after `from` (its replay is already in `recent`).
        coveredFrom.current = from;
      } else if (droppedAt !== null && from > droppedAt) {
        // The browser's own reconnect, with a gap (it had no Last-Event-ID to resume from).
        coveredFrom.current = from;
        recent.current = recent.current.filter((e) => BigInt(e.seq) > from);
      }
      droppedAt = null;
      // Followers whose cursor lies before what this tab has received need the stream reopened
      // there. (A stream opened at a cursor starts there, so this reopens at most once.)
      const behind = [...followers.current].filter((f) => coveredFrom.current === null || f.afterSeq < coveredFrom.current);
      if (behind.length) restartFrom(behind.reduce((min, f) => (f.afterSeq < min ? f.afterSeq : min), behind[0]!.afterSeq).toString());
    }

    function connect() {
      const after = cursor.current;
      coveredFrom.current = null;
      recent.current = [];
      droppedAt = null;
      live.current = false;
      source = new EventSource(`/api/activity/stream${after === null ? "" : `?after=${after}`}`);
      source.addEventListener("ready", (message) => {
        live.current = true;
        setConnection("live");
        arm();
        revalidateUnfinishedWrites();
        if (readyBefore) revalidateMemoryViews();
        readyBefore = true;
        const from = parseData(ReadySchema, message)?.from;
        onReady(from === undefined ? null : BigInt(from));
      });
      source.addEventListener("ping", () => {
        arm();
        // Pub/sub is best-effort: a hint lost on the way is healed at the next heartbeat. Only
        // writes still unfinished are re-read, and a write normally finishes in milliseconds.
        revalidateUnfinishedWrites();
      });
      source.addEventListener("error", () => {
        if (live.current) {
          const newest = recent.current.at(-1);
          droppedAt = newest ? BigInt(newest.seq) : coveredFrom.current;
        }
        live.current = false;
        setConnection("reconnecting");
      });
      source.addEventListener("memory", (message) => {
        arm();
        const event = parseData(MemoryEventSchema, message);
        if (!event) return;
        cursor.current = event.seq;
        if (!recent.current.some((e) => e.id === event.id)) {
          recent.current.push(event);
          const dropped = recent.current.length > KEEP_EVENTS ? recent.current.shift() : undefined;
          if (dropped) coveredFrom.current = BigInt(dropped.seq);
        }
        for (const follower of followers.current) deliver(follower, event);
        revalidateMemoryViews();
      });
      source.addEventListener("write", (message) => {
        arm();
        const hint = parseData(MemoryWriteHintSchema, message);
        if (hint) void mutate(swrKeys.memoryWrite(hint.writeId));
      });
      arm();
    }
    function restart(state: StreamConnection) {
      source?.close();
      setConnection(state);
      connect();
    }
    function restartFrom(afterSeq: string) {
      cursor.current = afterSeq;
      restart("connecting");
    }

    connect();
    reopenFrom.current = restartFrom;
    return () => {
      reopenFrom.current = null;
      clearTimeout(watchdog);
      clearTimeout(burst);
      source?.close();
    };
  }, [mutate, cache]);

  const follow = useCallback<MemoryStream["follow"]>((afterSeq, onEvent) => {
    const follower: Follower = { afterSeq: BigInt(afterSeq), onEvent };
    followers.current.add(follower);
    const from = coveredFrom.current;
    if (from !== null && from <= follower.afterSeq) {
      // Everything after its cursor has been received here: hand over what it missed.
      for (const event of recent.current) deliver(follower, event);
    } else if (live.current) {
      // The connection began after the follower's cursor: reopen it there.
      reopenFrom.current?.(afterSeq);
    } else if (reopenFrom.current === null) {
      // Not connected yet (children's effects run first): the first connection starts there.
      cursor.current = afterSeq;
    }
    // Otherwise a connection is on its way (or coming back): its `ready` decides.
    return () => {
      followers.current.delete(follower);
    };
  }, []);

  const stream = useMemo<MemoryStream>(() => ({ connection, follow }), [connection, follow]);
  return <MemoryStreamContext.Provider value={stream}>{children}</MemoryStreamContext.Provider>;
}
