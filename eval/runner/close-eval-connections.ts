import "server-only";
import { config } from "@/lib/config";
import { getDb, pgliteDataDir } from "@/lib/db/client";
import { openPglite } from "@/lib/db/open-pglite";
import { getRedis } from "@/lib/redis/client";

/**
 * Closes what a CLI run opened so the process can exit: the Prisma client (and the embedded
 * PGlite behind it, which also releases its data dir) and the Redis connection.
 */
export async function closeEvalConnections(): Promise<void> {
  await getDb().$disconnect().catch(() => undefined);
  if (!config.DATABASE_URL) await openPglite({ dataDir: pgliteDataDir() }).close().catch(() => undefined);
  const redis = getRedis();
  // QUIT needs a live connection: on one still connecting (Redis never used, or down) it fails
  // and ioredis would then connect and keep the process alive. disconnect() also stops retries.
  if (redis?.status === "ready") await redis.quit().catch(() => redis.disconnect());
  else redis?.disconnect();
}
