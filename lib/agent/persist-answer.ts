import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { log } from "@/lib/log";

// The answer has already streamed to the user when it is stored, so a database outage at that
// moment must not lose it: it is retried with back-off for about two minutes (longer than a
// restart or failover takes), then given up with an error log. Saving is idempotent (the
// message id is fixed), so a retry after a save that did commit stores nothing twice.
const DELAYS_MS = [250, 500, 1000, 2000, 4000, 8000, 15_000, 30_000, 60_000];

export async function persistAnswer(options: { correlationId: string; save: () => Promise<unknown> }): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    try {
      await options.save();
      if (attempt > 0) log.info("assistant message saved after retrying", { correlationId: options.correlationId, attempts: attempt + 1 });
      return true;
    } catch (error) {
      const delay = DELAYS_MS[attempt];
      if (delay === undefined) {
        log.error("assistant message not saved: the database stayed unreachable", { correlationId: options.correlationId, error });
        return false;
      }
      if (attempt === 0) log.warn("assistant message not saved yet; retrying", { correlationId: options.correlationId, error });
      await sleep(delay);
    }
  }
}
