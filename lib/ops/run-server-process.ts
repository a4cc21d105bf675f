import "server-only";
import { prepareEmbeddingSpace } from "@/lib/embeddings/prepare-embedding-space";
import { log } from "@/lib/log";
import { startMemoryWriteWorker } from "@/lib/jobs/start-memory-write-worker";
import { stopMemoryWriteWorker } from "@/lib/jobs/stop-memory-write-worker";
import { getServerDrain } from "@/lib/server/server-drain";
import { startDataSweep } from "@/lib/ops/start-data-sweep";
import { startReplicaHeartbeat } from "@/lib/ops/start-replica-heartbeat";
import { stopReplicaHeartbeat } from "@/lib/ops/stop-replica-heartbeat";
import { watchHttpServers } from "@/lib/server/watch-http-servers";

// Inside compose's 15 s stop grace period, with room to spare.
const HTTP_DRAIN_MS = 10_000;
const WRITE_DRAIN_MS = 5_000;

/**
 * A server process's background work, started once from instrumentation.ts: the memory-write
 * worker (which first resumes writes a previous process acknowledged but did not finish) and
 * the replica heartbeat, and the minutely data sweep (expiry, unfinished account deletions). On SIGTERM/SIGINT, all at once: stop accepting connections, end live
 * streams and let requests in flight finish (bounded at 10 s), leave the replica list, finish
 * in-flight memory writes (bounded at 5 s; anything left stays in the outbox for another
 * replica), then exit.
 */
export async function runServerProcess(): Promise<void> {
  // When whatever reads our output goes away, a failed write must not become an uncaught
  // error that is itself logged, failing again: drop the output instead.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
    });
  }
  // Signals are handled below, once, for the whole process.
  watchHttpServers();
  startMemoryWriteWorker({ handleSignals: false });
  startReplicaHeartbeat();
  const stopDataSweep = startDataSweep();
  // In the background: the embedding index when missing, a warning when memories need re-embedding.
  void prepareEmbeddingSpace();
  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      stopDataSweep();
      const drain = getServerDrain();
      const deadline = Date.now() + HTTP_DRAIN_MS;
      void (async () => {
        // Draining starts now: no new connections, live streams end …
        await Promise.all([drain.drain({ timeoutMs: HTTP_DRAIN_MS }), stopMemoryWriteWorker({ timeoutMs: WRITE_DRAIN_MS }), stopReplicaHeartbeat()]);
        // … and the last step before exiting is a fresh wait for idle: a request can still
        // arrive on an open keep-alive connection while the writes drain.
        const http = await drain.drain({ timeoutMs: Math.max(0, deadline - Date.now()) });
        log.info("server stopped", { signal, requestsCut: http.inFlight });
      })().finally(() => process.exit(0));
    });
  }
}
