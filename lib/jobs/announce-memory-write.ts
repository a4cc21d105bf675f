import "server-only";
import { log } from "@/lib/log";
import { getMemoryWriteWorkerState } from "@/lib/jobs/memory-write-worker-state";
import { publish } from "@/lib/redis/pubsub";
import { wakeMemoryWriteWorker } from "@/lib/jobs/wake-memory-write-worker";

/** Redis channel on which an enqueue wakes workers in other processes (npm run worker). */
export const MEMORY_WRITE_WAKE_CHANNEL = "mnemo:memory-writes:queued";

/**
 * Wakes a worker for a just-committed job: this process's own worker directly, or, when this
 * process runs none (app replicas with MEMORY_WORKER_ENABLED=false beside a separate worker
 * process), every subscribed worker through Redis. Best-effort and never awaited by the chat:
 * a lost wake costs at most the worker's one-second poll, never the job, which is in the outbox.
 */
export function announceMemoryWrite(): void {
  if (getMemoryWriteWorkerState().running) {
    wakeMemoryWriteWorker();
    return;
  }
  publish(MEMORY_WRITE_WAKE_CHANNEL, "1").catch((error: unknown) => log.warn("memory write wake not published", { error }));
}
