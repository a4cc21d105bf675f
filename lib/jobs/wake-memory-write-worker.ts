import "server-only";
import { getMemoryWriteWorkerState } from "@/lib/jobs/memory-write-worker-state";

/**
 * Ends the worker loop's sleep now, or, when the loop is busy with a pass, makes its next
 * sleep end at once, so an enqueue or a finished job that arrives mid-pass is never missed.
 */
export function wakeMemoryWriteWorker(): void {
  const state = getMemoryWriteWorkerState();
  state.wakeRequested = true;
  state.wake?.();
}
