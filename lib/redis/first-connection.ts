import "server-only";
import type { Redis } from "ioredis";

// A fresh client is still connecting when the first write arrives, and with the offline queue
// off its commands would fail at once: wait briefly for the first connection only. Once it has
// been up, a down Redis fails fast (degrade, don't stall the write).
const everReady = new WeakSet<Redis>();
const connecting = new WeakMap<Redis, Promise<void>>();

/** Waits (bounded) for a new client's first connection; returns at once otherwise. */
export async function firstConnection(redis: Redis, timeoutMs = 1000): Promise<void> {
  if (redis.status === "ready") {
    everReady.add(redis);
    return;
  }
  if (everReady.has(redis) || !["wait", "connecting", "connect"].includes(redis.status)) return;
  // One shared wait per client, however many writes arrive during the connect.
  let wait = connecting.get(redis);
  if (!wait) {
    wait = new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        redis.off("ready", done);
        connecting.delete(redis);
        if (redis.status === "ready") everReady.add(redis);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      redis.once("ready", done);
    });
    connecting.set(redis, wait);
  }
  await wait;
}
