import "server-only";
import { log } from "@/lib/log";
import { publish } from "@/lib/redis/pubsub";
import { MemoryWriteHintSchema, type MemoryEvent, type MemoryWriteHint } from "@/lib/memory/schemas";

export const memoryEventsChannel = (userId: string | "all") => `memory-events:${userId}`;
export const memoryWritesChannel = (userId: string) => `memory-writes:${userId}`;


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

/**
 * Tells the user's open streams that a queued write finished, so the chat's chip re-reads its
 * outcome instead of polling. Best-effort and never throws: the job row is the source of truth
 * and the browser re-reads unfinished writes whenever its stream (re)connects.
 */
export async function publishMemoryWriteHint(options: { userId: string; hint: MemoryWriteHint }): Promise<void> {
  try {
    const hint = MemoryWriteHintSchema.parse(options.hint);
    await publish(memoryWritesChannel(options.userId), JSON.stringify(hint));
  } catch (error) {
    log.warn("memory write hint not published", { userId: options.userId, writeId: options.hint.writeId, error });
  }
}
