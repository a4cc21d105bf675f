import "server-only";
import { log } from "@/lib/log";
import { getMemoryWriteWorkerState } from "@/lib/jobs/memory-write-worker-state";

/**
 * Stops claiming new jobs and waits up to `timeoutMs` for the ones in flight. A job still
 * running at the deadline stays claimed in the database and is resumed by the next start;
 * its write is still applied exactly once. Resolves with whether everything finished.
 */
export async function stopMemoryWriteWorker(options: { timeoutMs?: number } = {}): Promise<{ drained: boolean }> {
  const { timeoutMs = 5000 } = options;
  const state = getMemoryWriteWorkerState();
  if (!state.running && state.inFlight.size === 0) return { drained: true };
  state.running = false;
  state.wake?.();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const finished = (async () => {
    await state.loop;
    await Promise.allSettled([...state.inFlight]);
    return true as const;
  })();
  const drained = await Promise.race([finished, deadline]);
  clearTimeout(timer);
  if (drained) state.loop = null;
  log.info("memory write worker stopped", { drained, inFlight: state.inFlight.size });
  return { drained };
}
