import "server-only";
import { getDb } from "@/lib/db/client";
import { selectUserEventsPage } from "@/lib/db/memory-events-sql";
import { log } from "@/lib/log";
import { listMemoryEventsSince } from "@/lib/memory/list-memory-events-since";
import type { MemoryEvent } from "@/lib/memory/schemas";
import { SeqCursorSchema } from "@/lib/memory/view-schemas";
import { subscribeMemoryEvents, subscribeMemoryWriteHints } from "@/lib/memory/subscribe-memory-events";
import { getServerDrain } from "@/lib/server/server-drain";

const BATCH = 200;
// A ping event keeps proxies from closing an idle stream and lets the browser notice a stalled
// one (comment lines are invisible to EventSource); each tick also re-reads the table, which
// heals a push lost by Redis (pub/sub is best-effort).
const HEARTBEAT_MS = 15_000;
// The Redis SUBSCRIBE completes asynchronously: one early re-read covers a write that commits
// after the first read but before the subscription is live.
const SETTLE_MS = 1_000;
const RECONNECT_MS = 2_000;

/**
 * The Activity feed's Server-Sent Events body. Each event is `id: <seq>` + `event: memory` +
 * the audit row as JSON. The durable audit table is the only source of what is sent: a push
 * on `memory-events:<userId>` (from any app instance, through Redis) only triggers a re-read
 * of rows after the last sent seq, so events go out once, in seq order, with no gaps, and a
 * reconnect with Last-Event-ID resumes exactly after the last one the client saw.
 *
 * `event: ready` follows the replay, with `{ from }`: the seq after which this stream carries
 * every event (the cursor it resumed from, or the newest event when it started "from now").
 *
 * Alongside, `event: write` + `{ writeId, status }` tells the page that one of the user's queued
 * writes finished (from `memory-writes:<userId>`). Those carry no `id:`: they are hints to
 * re-read the write's status, not resumable history, so they never move Last-Event-ID.
 *
 * afterSeq null means "from now on" (the latest existing event is the starting point).
 */
export function openActivityStream(options: { userId: string; afterSeq: string | null; signal: AbortSignal }): ReadableStream<Uint8Array> {
  const { userId, signal } = options;
  const encoder = new TextEncoder();
  // Checked here too: a cursor past bigint would make every read fail, a stream that never delivers.
  let lastSeq: bigint | null = options.afterSeq === null ? null : BigInt(SeqCursorSchema.parse(options.afterSeq));
  // Where this stream starts: it carries every event after this seq (sent with `ready`).
  let fromSeq: string | null = options.afterSeq;
  let closed = false;
  let reading = false;
  let readAgain = false;
  let cleanup = () => {};

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const send = (event: MemoryEvent) => {
        write(`id: ${event.seq}\nevent: memory\ndata: ${JSON.stringify(event)}\n\n`);
        lastSeq = BigInt(event.seq);
      };

      // Single-flight: pushes that arrive while a read runs ask for one more read.
      const catchUp = async () => {
        if (reading) {
          readAgain = true;
          return;
        }
        reading = true;
        try {
          do {
            readAgain = false;
            if (lastSeq === null) {
              const [latest] = await selectUserEventsPage(getDb(), { userId, beforeSeq: null, limit: 1 });
              lastSeq = latest ? BigInt(latest.seq) : 0n;
              fromSeq = lastSeq.toString();
            }
            for (;;) {
              const events = await listMemoryEventsSince({ userId, afterSeq: lastSeq.toString(), limit: BATCH });
              for (const event of events) if (!closed && BigInt(event.seq) > (lastSeq ?? 0n)) send(event);
              if (events.length < BATCH || closed) break;
            }
          } while (readAgain && !closed);
        } catch (error) {
          log.warn("activity stream read failed", { userId, error });
        } finally {
          reading = false;
        }
      };

      const unsubscribe = subscribeMemoryEvents({ userId, onEvent: () => void catchUp() });
      const unsubscribeWrites = subscribeMemoryWriteHints({
        userId,
        onHint: (hint) => write(`event: write\ndata: ${JSON.stringify({ writeId: hint.writeId, status: hint.status })}\n\n`),
      });
      const heartbeat = setInterval(() => {
        write("event: ping\ndata: {}\n\n");
        void catchUp();
      }, HEARTBEAT_MS);
      const settle = setTimeout(() => void catchUp(), SETTLE_MS);

      function close() {
        if (closed) return;
        closed = true;
        unsubscribe();
        unsubscribeWrites();
        stopOnDrain();
        clearInterval(heartbeat);
        clearTimeout(settle);
        signal.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      }
      cleanup = close;
      // A stopping server ends the stream; the browser reconnects (to another replica) after
      // `retry` and resumes with Last-Event-ID, so nothing is missed.
      const stopOnDrain = getServerDrain().onDrain(close);
      signal.addEventListener("abort", close);
      if (signal.aborted) return close();

      write(`retry: ${RECONNECT_MS}\n\n`);
      void catchUp().then(() => write(`event: ready\ndata: ${JSON.stringify(fromSeq === null ? {} : { from: fromSeq })}\n\n`));
    },
    cancel() {
      cleanup();
    },
  });
}
