import "server-only";

// Shared by the heartbeat and the listing: where replicas announce themselves in Redis.
export const REPLICA_KEY_PREFIX = "mnemo:replica:";
/** A replica is listed while its last heartbeat is younger than this. */
export const REPLICA_TTL_SECONDS = 30;
export const HEARTBEAT_INTERVAL_MS = 10_000;

type HeartbeatState = { timer: NodeJS.Timeout | null; warned: boolean };
const g = globalThis as unknown as Record<symbol, HeartbeatState | undefined>;
const KEY = Symbol.for("mnemo.replica-heartbeat");

export function heartbeatState(): HeartbeatState {
  g[KEY] ??= { timer: null, warned: false };
  return g[KEY];
}
