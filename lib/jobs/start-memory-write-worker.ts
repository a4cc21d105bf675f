import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { config } from "@/lib/config";
import { log } from "@/lib/log";
import { claimMemoryWrites, STALE_CLAIM_MS } from "@/lib/jobs/claim-memory-writes";
import { getMemoryWriteWorkerState } from "@/lib/jobs/memory-write-worker-state";
import { stopMemoryWriteWorker } from "@/lib/jobs/stop-memory-write-worker";

// Other instances (or a restart) can enqueue without nudging us: poll now and then.
const POLL_MS = 1000;

/**
 * Starts the in-process worker for queued memory writes (idempotent). It first resumes jobs
 * left queued or mid-flight by a previous process (any claim taken before this start), then
 * processes new ones as enqueueMemoryWrite nudges it. Does nothing when MEMORY_WORKER_ENABLED
 * is false unless `enabled` overrides it. With `handleSignals`, SIGTERM/SIGINT drain in-flight
 * writes for up to 5 s, then exit if no one else handles the signal.
 */
export function startMemoryWriteWorker(options: { enabled?: boolean; concurrency?: number; handleSignals?: boolean } = {}): boolean {
  const state = getMemoryWriteWorkerState();
  if (!(options.enabled ?? config.memory.workerEnabled)) return false;
  if (state.running) return true;
  // PGlite executes one statement at a time: parallel jobs would only queue behind each other.
  const concurrency = options.concurrency ?? (config.DATABASE_URL ? 4 : 1);
  state.running = true;
  state.startedAt = new Date();
  let staleBefore = state.startedAt;

  state.loop = (async () => {
    log.info("memory write worker started", { concurrency });
    while (state.running) {
      const claimed = await claimMemoryWrites({ limit: concurrency, staleBefore });
      staleBefore = new Date(Math.max(state.startedAt!.getTime(), Date.now() - STALE_CLAIM_MS));
      if (claimed > 0 || !state.running) continue;
      const idle = new AbortController();
      state.wake = () => idle.abort();
      await sleep(POLL_MS, undefined, { signal: idle.signal }).catch(() => undefined);
      state.wake = null;
    }
  })();

  if ((options.handleSignals ?? true) && !state.signalsInstalled) {
    state.signalsInstalled = true;
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      process.once(signal, () => {
        state.signalsInstalled = false;
        void stopMemoryWriteWorker({ timeoutMs: 5000 }).finally(() => {
          // Adding a listener disabled Node's default exit; restore it unless someone else owns shutdown.
          if (process.listenerCount(signal) === 0) process.exit(0);
        });
      });
    }
  }
  return true;
}
