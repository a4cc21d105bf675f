import { z } from "zod";
import { HealthSchema } from "@/lib/health/schemas";

/** One running app process ("replica"), as it announces itself in Redis. */
export const ReplicaSchema = z.object({
  id: z.string(),
  hostname: z.string(),
  pid: z.number().int(),
  version: z.string(),
  startedAt: z.string(),
  lastSeenAt: z.string(),
});
export type Replica = z.infer<typeof ReplicaSchema>;

export const ReplicaListSchema = z.object({
  items: z.array(ReplicaSchema),
  /** "redis": every live replica; "this-process": Redis absent or down, only the one answering is known. */
  source: z.enum(["redis", "this-process"]),
});
export type ReplicaList = z.infer<typeof ReplicaListSchema>;

export const MemoryWriteQueueStatsSchema = z.object({
  queued: z.number().int(),
  running: z.number().int(),
  doneLast24h: z.number().int(),
  failedLast24h: z.number().int(),
  oldestPendingAt: z.string().nullable(),
});
export type MemoryWriteQueueStats = z.infer<typeof MemoryWriteQueueStatsSchema>;

export const MigrationStatusSchema = z.object({
  applied: z.number().int(),
  failed: z.number().int(),
  latest: z.string().nullable(),
  latestAt: z.string().nullable(),
});
export type MigrationStatus = z.infer<typeof MigrationStatusSchema>;

/** GET /api/admin/system and the /admin/system page. */
export const SystemStatusSchema = z.object({
  checkedAt: z.string(),
  thisReplica: ReplicaSchema,
  health: HealthSchema,
  replicas: ReplicaListSchema,
  queue: MemoryWriteQueueStatsSchema.nullable(),
  migrations: MigrationStatusSchema.nullable(),
});
export type SystemStatus = z.infer<typeof SystemStatusSchema>;
