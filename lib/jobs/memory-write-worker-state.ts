import "server-only";

/** A job this process claimed whose outcome could not be recorded (the database went away). */
export type UnrecordedJob = { jobId: string; userId: string; error: string; retryAt: Date | null };

/** The in-process worker's state, shared across module reloads (Next dev) via globalThis. */
export type MemoryWriteWorkerState = {
  running: boolean;
  /** Claims taken before this moment belong to a previous (dead) process and may be resumed. */
  startedAt: Date | null;
  loop: Promise<void> | null;
  inFlight: Set<Promise<void>>;
  /** The jobs in flight (id → when it started), whose claims the heartbeat keeps fresh. */
  inFlightIds: Map<string, number>;
  /** Claims to hand back as soon as the database answers again, so they are retried within seconds. */
  unrecorded: Map<string, UnrecordedJob>;
  /** Wakes the idle loop early (set while it sleeps). */
  wake: (() => void) | null;
  /** Set by a wake that came while the loop was not asleep, so its next sleep ends at once. */
  wakeRequested: boolean;
  /** SIGTERM/SIGINT handlers are installed once per process, however often the worker restarts. */
  signalsInstalled: boolean;
};

const KEY = Symbol.for("mnemo.memory-write-worker");
const g = globalThis as unknown as Record<symbol, MemoryWriteWorkerState | undefined>;

export function getMemoryWriteWorkerState(): MemoryWriteWorkerState {
  g[KEY] ??= {
    running: false,
    startedAt: null,
    loop: null,
    inFlight: new Set(),
    inFlightIds: new Map(),
    unrecorded: new Map(),
    wake: null,
    wakeRequested: false,
    signalsInstalled: false,
  };
  return g[KEY];
}
