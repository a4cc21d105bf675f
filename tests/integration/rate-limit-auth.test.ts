import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { config } from "@/lib/config";
import { consumeAuthRateLimit } from "@/lib/redis/rate-limit-auth";

// Against the real Redis of vitest.config.ts. Two clients stand for two app replicas.
const replicaA = new Redis(config.REDIS_URL!);
const replicaB = new Redis(config.REDIS_URL!);
afterAll(() => {
  replicaA.disconnect();
  replicaB.disconnect();
});

describe("auth rate limit storage", () => {
  it("is one count across replicas: the limit holds however requests are balanced", async () => {
    const key = `203.0.113.7|/sign-in/email|${randomUUID()}`;
    const rule = { window: 10, max: 3 };
    const decisions = [];
    for (const redis of [replicaA, replicaB, replicaA, replicaB]) decisions.push(await consumeAuthRateLimit(key, rule, { redis }));
    expect(decisions).toEqual([
      { allowed: true, retryAfter: null },
      { allowed: true, retryAfter: null },
      { allowed: true, retryAfter: null },
      { allowed: false, retryAfter: 10 },
    ]);
    const ttl = await replicaA.ttl(`auth_rate:${key}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(10);
  });

  it("counts each client address and path separately", async () => {
    const suffix = randomUUID();
    const rule = { window: 10, max: 1 };
    expect((await consumeAuthRateLimit(`198.51.100.1|/sign-in/email|${suffix}`, rule, { redis: replicaA })).allowed).toBe(true);
    expect((await consumeAuthRateLimit(`198.51.100.2|/sign-in/email|${suffix}`, rule, { redis: replicaB })).allowed).toBe(true);
    expect((await consumeAuthRateLimit(`198.51.100.1|/sign-up/email|${suffix}`, rule, { redis: replicaB })).allowed).toBe(true);
    expect((await consumeAuthRateLimit(`198.51.100.1|/sign-in/email|${suffix}`, rule, { redis: replicaB })).allowed).toBe(false);
  });

  it("without Redis counts in process", async () => {
    const key = `local|${randomUUID()}`;
    expect((await consumeAuthRateLimit(key, { window: 10, max: 1 }, { redis: null })).allowed).toBe(true);
    expect(await consumeAuthRateLimit(key, { window: 10, max: 1 }, { redis: null })).toEqual({ allowed: false, retryAfter: 10 });
  });
});
