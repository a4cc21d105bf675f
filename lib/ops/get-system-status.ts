import "server-only";
import { getDb } from "@/lib/db/client";
import { selectMemoryWriteQueueStats } from "@/lib/db/memory-write-jobs-sql";
import { selectMigrationStatus } from "@/lib/db/prisma-migrations-sql";
import { checkHealth } from "@/lib/health/check-health";
import { listReplicas } from "@/lib/ops/list-replicas";
import type { SystemStatus } from "@/lib/ops/schemas";
import { thisReplica } from "@/lib/ops/this-replica";

/**
 * What an admin operating the deployment needs at a glance: the dependencies as this replica
 * sees them, every live replica, the memory-write outbox, and the schema version. The database
 * parts are null while the database is down rather than failing the whole page.
 */
export async function getSystemStatus(): Promise<SystemStatus> {
  const db = getDb();
  const [health, replicas, queue, migrations] = await Promise.all([
    checkHealth(),
    listReplicas(),
    selectMemoryWriteQueueStats(db).catch(() => null),
    selectMigrationStatus(db).catch(() => null),
  ]);
  return {
    checkedAt: new Date().toISOString(),
    thisReplica: { ...thisReplica(), lastSeenAt: new Date().toISOString() },
    health,
    replicas,
    queue,
    migrations,
  };
}
