import "server-only";
import { publish } from "@/lib/redis/pubsub";
import type { MemoryEvent } from "@/lib/memory/schemas";

export const memoryEventsChannel = (userId: string | "all") => `memory-events:${userId}`;

/**
 * Pushes committed audit rows to live subscribers: the user's channel and the admin channel.
 * Called only after the transaction commits; the audit table stays the source of truth, so a
 * lost push costs a stale view until the next refresh, never data.
 */
export async function publishMemoryEvents(options: { events: MemoryEvent[] }): Promise<void> {
  for (const event of options.events) {
    const message = JSON.stringify(event);
    await Promise.all([publish(memoryEventsChannel(event.userId), message), publish(memoryEventsChannel("all"), message)]);
  }
}
