import "server-only";
import { log } from "@/lib/log";
import { memoryEventsChannel } from "@/lib/memory/publish-memory-events";
import { MemoryEventSchema, type MemoryEvent } from "@/lib/memory/schemas";
import { subscribe } from "@/lib/redis/pubsub";

/**
 * Live audit events of one user, or of everyone ("all", for admins). Returns the unsubscribe
 * function. Best-effort push: pair it with listMemoryEventsSince to fill gaps on (re)connect.
 */
export function subscribeMemoryEvents(options: {
  userId: string | "all";
  onEvent: (event: MemoryEvent) => void;
}): () => void {
  return subscribe(memoryEventsChannel(options.userId), (message) => {
    let parsed;
    try {
      parsed = MemoryEventSchema.safeParse(JSON.parse(message));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) {
      log.warn("ignored malformed memory event", { channel: memoryEventsChannel(options.userId) });
      return;
    }
    options.onEvent(parsed.data);
  });
}
