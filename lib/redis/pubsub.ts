import "server-only";
import { EventEmitter } from "node:events";
import { getRedis, getRedisSubscriber } from "@/lib/redis/client";
import { firstConnection } from "@/lib/redis/first-connection";
import { log } from "@/lib/log";

// Fan-out of live events. With Redis, a message published by one app instance reaches
// subscribers on every instance; without it, an in-process emitter serves one instance.
// Delivery is best-effort: durable state lives in Postgres, this is only the push.

type Handler = (message: string) => void;
const g = globalThis as unknown as Record<symbol, EventEmitter | undefined>;
const LOCAL = Symbol.for("mnemo.pubsub.local");

function local(): EventEmitter {
  if (!g[LOCAL]) {
    g[LOCAL] = new EventEmitter();
    g[LOCAL].setMaxListeners(0);
  }
  return g[LOCAL];
}

// Process-wide, like the subscriber connection itself (lib/redis/client.ts): Next.js may load
// this module more than once in one process (instrumentation, where the worker starts, and the
// route bundles), and a second "message" listener on the shared connection would deliver every
// Redis message twice to the local emitter.
type SubscriberState = { wired: boolean; channels: Map<string, number> };
const STATE = Symbol.for("mnemo.pubsub.subscriber-state");
function subscriberState(): SubscriberState {
  const holder = globalThis as unknown as Record<symbol, SubscriberState | undefined>;
  holder[STATE] ??= { wired: false, channels: new Map() };
  return holder[STATE];
}

function wireSubscriber() {
  const sub = getRedisSubscriber();
  const state = subscriberState();
  if (!sub || state.wired) return sub;
  state.wired = true;
  sub.on("message", (channel: string, message: string) => local().emit(channel, message));
  return sub;
}

export async function publish(channel: string, message: string): Promise<void> {
  const redis = getRedis();
  if (!redis) {
    local().emit(channel, message);
    return;
  }
  try {
    // A just-started instance's connection may still be coming up; without the wait its first
    // event would reach only local listeners, not the other instances' streams.
    await firstConnection(redis);
    await redis.publish(channel, message);
  } catch (error) {
    // The subscriber of this very instance would have received it through Redis; keep
    // at least local listeners live while Redis is away.
    log.warn("redis publish failed; delivering locally only", { channel, error });
    local().emit(channel, message);
  }
}

/** Subscribes to a channel; returns the unsubscribe function. */
export function subscribe(channel: string, handler: Handler): () => void {
  local().on(channel, handler);
  const sub = wireSubscriber();
  const subscribedChannels = subscriberState().channels;
  if (sub) {
    const count = subscribedChannels.get(channel) ?? 0;
    subscribedChannels.set(channel, count + 1);
    if (count === 0) {
      sub.subscribe(channel).catch((error: unknown) => log.warn("redis subscribe failed", { channel, error }));
    }
  }
  return () => {
    local().off(channel, handler);
    if (!sub) return;
    const left = (subscribedChannels.get(channel) ?? 1) - 1;
    if (left > 0) subscribedChannels.set(channel, left);
    else {
      subscribedChannels.delete(channel);
      sub.unsubscribe(channel).catch(() => undefined);
    }
  };
}
