import "server-only";
import type { Redis } from "ioredis";
import { describeLanguageModel } from "@/lib/ai/get-language-model";
import { getDb } from "@/lib/db/client";
import { pingDatabase } from "@/lib/db/health-sql";
import type { SqlClient } from "@/lib/db/sql-client";
import { getEmbeddingStatus } from "@/lib/health/get-embedding-status";
import type { Health } from "@/lib/health/schemas";
import { getRedis } from "@/lib/redis/client";
import { firstConnection } from "@/lib/redis/first-connection";

export type CheckHealthOptions = {
  /** Defaults to the app's own clients; tests pass clients aimed at dead ports. */
  db?: SqlClient;
  redis?: Redis | null;
  /** Each probe's bound: a load balancer's check must answer even when a dependency hangs. */
  timeoutMs?: number;
};

/**
 * Probes the database and Redis in parallel; the model is reported as configured, the embeddings
 * as configured plus how many memories still need re-embedding (informational: never unhealthy).
 */
export async function checkHealth(options: CheckHealthOptions = {}): Promise<Health> {
  const timeoutMs = options.timeoutMs ?? 2000;
  const redis = options.redis === undefined ? getRedis() : options.redis;
  const [db, redisState, embeddings] = await Promise.all([
    probe(() => pingDatabase(options.db ?? getDb()), timeoutMs),
    redis ? probe(() => pingRedis(redis, timeoutMs), timeoutMs) : Promise.resolve("absent" as const),
    getEmbeddingStatus({ db: options.db ?? getDb(), timeoutMs }),
  ]);
  const model = describeLanguageModel();
  return { db, redis: redisState, model: `${model.provider}/${model.id}`, embeddings };
}

async function pingRedis(redis: Redis, timeoutMs: number): Promise<void> {
  // A process's first request may find the client still connecting, with no offline queue.
  await firstConnection(redis, timeoutMs);
  const reply = await redis.ping();
  if (reply !== "PONG") throw new Error(`unexpected PING reply ${reply}`);
}

async function probe(check: () => Promise<void>, timeoutMs: number): Promise<"ok" | "down"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"down">((resolve) => {
    timer = setTimeout(() => resolve("down"), timeoutMs);
  });
  try {
    return await Promise.race([check().then(() => "ok" as const, () => "down" as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
