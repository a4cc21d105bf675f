import "server-only";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { touchMemoryWriteJobClaims } from "@/lib/db/memory-write-jobs-sql";
import { log } from "@/lib/log";
import { CLAIM_HEARTBEAT_MS, claimMemoryWrites, STALE_CLAIM_MS } from "@/lib/jobs/claim-memory-writes";
import { getMemoryWriteWorkerState } from "@/lib/jobs/memory-write-worker-state";
import { MEMORY_WRITE_WAKE_CHANNEL } from "@/lib/jobs/announce-memory-write";
import { subscribe } from "@/lib/redis/pubsub";
import { releaseUnrecordedJobs } from "@/lib/jobs/release-unrecorded-jobs";
import { runMemoryWriteJobs } from "@/lib/jobs/run-memory-write-jobs";
import { stopMemoryWriteWorker } from "@/lib/jobs/stop-memory-write-worker";

// A lost wake (Redis away, or an enqueue between claim and sleep) costs at most this poll.
const POLL_MS = 1000;

/**
 * Starts the in-process worker for queued memory writes (idempotent). It first resumes jobs
 * left queued or mid-flight by a previous process (any claim taken before this start), then
 * keeps up to `concurrency` jobs in flight: whenever one finishes, the free slot is refilled
 * with one batched claim, and an enqueue wakes it at once (in this process directly, from
 * other processes through Redis; no polling delay under load). Jobs of one user stay ordered
 * by the per-user advisory lock their writes take. Does nothing when MEMORY_WORKER_ENABLED is
 * false unless `enabled` overrides it. With `handleSignals`, SIGTERM/SIGINT drain in-flight
 * writes for up to 5 s, then exit if no one else handles the signal.
 */
export function startMemoryWriteWorker(options: { enabled?: boolean; concurrency?: number; handleSignals?: boolean } = {}): boolean {
  const state = getMemoryWriteWorkerState();
  if (!(options.enabled ?? config.memory.workerEnabled)) return false;
  if (state.running) return true;
  // PGlite executes one statement at a time: parallel jobs would only queue behind each other.
  const concurrency = options.concurrency ?? (config.DATABASE_URL ? config.memory.workerConcurrency : 1);
  state.running = true;
  state.startedAt = new Date();

  // Keeps this worker's claims fresh so another worker takes them over only when this one is gone.
  const heartbeat = setInterval(() => {
    void touchMemoryWriteJobClaims(getDb(), { jobIds: [...state.inFlightIds.keys()] }).catch(() => undefined);
  }, CLAIM_HEARTBEAT_MS);
  heartbeat.unref();
  // Enqueues in processes without a worker of their own announce themselves through Redis.
  const unsubscribe = subscribe(MEMORY_WRITE_WAKE_CHANNEL, () => state.wake?.());

  state.loop = (async () => {
    log.info("memory write worker started", { concurrency });
    while (state.running) {
      if (state.unrecorded.size > 0) await releaseUnrecordedJobs();
      const free = concurrency - state.inFlight.size;
      // Claims older than the stale timeout, or taken before this process started, are dead.
      const staleBefore = new Date(Math.max(state.startedAt!.getTime(), Date.now() - STALE_CLAIM_MS));
      const jobs = free > 0 ? await claimMemoryWrites({ limit: free, staleBefore }) : [];
      if (!state.running) break;
      const idle = new AbortController();
      const wake = () => idle.abort();
      runMemoryWriteJobs({ jobs, onSettled: wake });
      // A full batch means more may be waiting: refill as soon as a slot frees. Otherwise sleep
      // until an enqueue, a finished job or the poll interval.
      state.wake = wake;
      const full = state.inFlight.size >= concurrency;
      if (!full && jobs.length === free && jobs.length > 0) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, POLL_MS);
        idle.signal.addEventListener("abort", () => {
          clearTimeout(timer);
          resolve();
        });
      });
      state.wake = null;
    }
    clearInterval(heartbeat);
    unsubscribe();
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
