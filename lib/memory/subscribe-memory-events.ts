import "server-only";
import type { z } from "zod";
import { log } from "@/lib/log";
import { memoryEventsChannel, memoryWritesChannel } from "@/lib/memory/publish-memory-events";
import { MemoryEventSchema, MemoryWriteHintSchema, type MemoryEvent, type MemoryWriteHint } from "@/lib/memory/schemas";
import { subscribe } from "@/lib/redis/pubsub";

/** Subscribes to one channel, handing on only messages that parse with the schema. */
function subscribeParsed<S extends z.ZodType>(channel: string, schema: S, onMessage: (value: z.infer<S>) => void): () => void {
  return subscribe(channel, (message) => {
    let parsed;
    try {
      parsed = schema.safeParse(JSON.parse(message));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) {
      log.warn("ignored malformed live message", { channel });
      return;
    }
    onMessage(parsed.data);
  });
}

/**
 * Live audit events of one user, or of everyone ("all", for admins). Returns the unsubscribe
 * function. Best-effort push: pair it with listMemoryEventsSince to fill gaps on (re)connect.
 */
export function subscribeMemoryEvents(options: {
  userId: string | "all";
  onEvent: (event: MemoryEvent) => void;
}): () => void {
  return subscribeParsed(memoryEventsChannel(options.userId), MemoryEventSchema, options.onEvent);
}

/** Hints that one of the user's queued writes finished. Returns the unsubscribe function. */
export function subscribeMemoryWriteHints(options: { userId: string; onHint: (hint: MemoryWriteHint) => void }): () => void {
  return subscribeParsed(memoryWritesChannel(options.userId), MemoryWriteHintSchema, options.onHint);
}
