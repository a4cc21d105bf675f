import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { getRedis, getRedisSubscriber } from "@/lib/redis/client";

// Next.js can load lib/redis/pubsub.ts more than once in one process (instrumentation, where
// the worker starts and subscribes, and each route bundle). The Redis subscriber connection is
// process-wide; each module instance must not add its own listener to it, or every message
// reaches the local handlers twice (the chat's write hints did: two status reads per write).

afterAll(() => {
  getRedis()?.disconnect();
  getRedisSubscriber()?.disconnect();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("pub/sub across module instances in one process", () => {
  it("delivers a Redis message once to each handler when the module is loaded twice", async () => {
    const first = await import("@/lib/redis/pubsub");
    vi.resetModules();
    const second = await import("@/lib/redis/pubsub");
    expect(second).not.toBe(first);

    const channel = `test:module-instances:${randomUUID()}`;
    const received: string[] = [];
    const stopFirst = first.subscribe(channel, (m) => received.push(`first:${m}`));
    const stopSecond = second.subscribe(channel, (m) => received.push(`second:${m}`));
    try {
      // Let the SUBSCRIBE reach Redis before anything is published.
      await sleep(300);
      await first.publish(channel, "hello");
      for (let i = 0; i < 40 && received.length < 2; i++) await sleep(25);
      await sleep(200);
      expect(received.sort()).toEqual(["first:hello", "second:hello"]);
    } finally {
      stopFirst();
      stopSecond();
    }
  });
});
