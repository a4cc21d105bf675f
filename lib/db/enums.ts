import { z } from "zod";

// The closed sets of values Mnemo stores in text columns (memory_items.type and .status,
// memory_write_events.operation and .extraction_type, memory_write_jobs.kind and .status).
// They sit at the bottom of the dependency graph so SQL row schemas, domain schemas and client
// components parse the same values. Not server-only: the browser uses them too.

export const MemoryTypeSchema = z.enum(["fact", "preference", "decision", "note", "episode"]);
export type MemoryType = z.infer<typeof MemoryTypeSchema>;

export const MemoryStatusSchema = z.enum(["active", "pending", "superseded", "deleted", "rejected", "expired"]);
export type MemoryStatus = z.infer<typeof MemoryStatusSchema>;

export const ExtractionTypeSchema = z.enum([
  "explicit",
  "implicit",
  "correction",
  "user_confirmed",
  "user_action",
  "episode",
  "import",
  "user_edit",
  "expiry",
]);
export type ExtractionType = z.infer<typeof ExtractionTypeSchema>;

export const MemoryOperationSchema = z.enum(["create", "supersede", "delete", "confirm", "reject", "propose", "refuse", "redact", "erase", "expire"]);
export type MemoryOperation = z.infer<typeof MemoryOperationSchema>;

export const MemoryWriteJobKindSchema = z.enum(["create", "supersede", "delete", "episode"]);
export type MemoryWriteJobKind = z.infer<typeof MemoryWriteJobKindSchema>;

export const MemoryWriteJobStatusSchema = z.enum(["queued", "running", "done", "failed"]);
export type MemoryWriteJobStatus = z.infer<typeof MemoryWriteJobStatusSchema>;
