import "server-only";

/** The in-process worker's state, shared across module reloads (Next dev) via globalThis. */
export type MemoryWriteWorkerState = {
  running: boolean;
  /** Claims taken before this moment belong to a previous (dead) process and may be resumed. */
  startedAt: Date | null;
  loop: Promise<void> | null;
  inFlight: Set<Promise<void>>;
  /** Wakes the idle loop early (set while it sleeps). */
  wake: (() => void) | null;
  /** SIGTERM/SIGINT handlers are installed once per process, however often the worker restarts. */
  signalsInstalled: boolean;
};

const KEY = Symbol.for("mnemo.memory-write-worker");
const g = globalThis as unknown as Record<symbol, MemoryWriteWorkerState | undefined>;

export function getMemoryWriteWorkerState(): MemoryWriteWorkerState {
  g[KEY] ??= { running: false, startedAt: null, loop: null, inFlight: new Set(), wake: null, signalsInstalled: false };
  return g[KEY];
}
