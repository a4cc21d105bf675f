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
import { wakeMemoryWriteWorker } from "@/lib/jobs/wake-memory-write-worker";

// A lost wake (Redis away between processes) costs at most this poll.
const POLL_MS = 1000;
// No write takes this long (each is a few statements); one that does is stuck, not slow.
const MAX_HELD_MS = 2 * 60_000;

/**
 * One pass of the loop: hands back claims the database could not record, then fills the free
 * slots with one batched claim. "refill" when a full batch came back (more may be waiting), so
 * the loop claims again at once; otherwise it sleeps until a wake or the poll.
 */
async function runPass(concurrency: number): Promise<"refill" | "sleep" | "stop"> {
  const state = getMemoryWriteWorkerState();
  // Wakes from here on (an enqueue, a job settling) end the coming sleep; earlier ones are
  // served by this pass's claim.
  state.wakeRequested = false;
  if (state.unrecorded.size > 0) await releaseUnrecordedJobs();
  const free = concurrency - state.inFlight.size;
  // Claims older than the stale timeout, or taken before this process started, are dead.
  const staleBefore = new Date(Math.max(state.startedAt!.getTime(), Date.now() - STALE_CLAIM_MS));
  const jobs = free > 0 ? await claimMemoryWrites({ limit: free, staleBefore }) : [];
  if (!state.running) return "stop";
  runMemoryWriteJobs({ jobs, onSettled: wakeMemoryWriteWorker });
  const full = state.inFlight.size >= concurrency;
  return !full && jobs.length === free && jobs.length > 0 ? "refill" : "sleep";
}

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

  // Keeps this worker's claims fresh so another worker takes them over only when this one is
  // gone, or when a job of its own has hung past MAX_HELD_MS (a lost connection that never
  // answered): that claim goes stale and the job runs again, still exactly once, because the
  // write transaction checks the job is not done.
  const heartbeat = setInterval(() => {
    const heldSince = Date.now() - MAX_HELD_MS;
    const live = [...state.inFlightIds].filter(([, since]) => since > heldSince).map(([id]) => id);
    if (live.length < state.inFlightIds.size) log.warn("memory write jobs hung; their claims are left to go stale", { hung: state.inFlightIds.size - live.length });
    void touchMemoryWriteJobClaims(getDb(), { jobIds: live }).catch(() => undefined);
  }, CLAIM_HEARTBEAT_MS);
  heartbeat.unref();
  // Enqueues in processes without a worker of their own announce themselves through Redis.
  const unsubscribe = subscribe(MEMORY_WRITE_WAKE_CHANNEL, wakeMemoryWriteWorker);

  state.loop = (async () => {
    log.info("memory write worker started", { concurrency });
    while (state.running) {
      // One pass never ends the worker: whatever it throws (the database or Redis failing in a
      // way no one expected), the loop logs it, sleeps a poll and tries again, so jobs that
      // were handed back are still picked up when the dependency returns.
      const outcome = await runPass(concurrency).catch((error: unknown) => {
        log.error("memory write worker pass failed", { error });
        return "sleep" as const;
      });
      if (outcome === "refill") continue;
      if (outcome === "stop") break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, POLL_MS);
        const wake = () => {
          clearTimeout(timer);
          resolve();
        };
        state.wake = wake;
        // A job that settled between the claim and this sleep already asked for a refill.
        if (state.wakeRequested) wake();
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
