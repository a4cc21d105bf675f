import { z } from "zod";
import { ExtractionTypeSchema, MemoryOperationSchema, MemoryTypeSchema, MemoryWriteJobStatusSchema } from "@/lib/db/enums";

// The memory domain's public shapes. Everything crossing a boundary (tool input, route body,
// queued job payload, live event) is parsed with one of these; types come from z.infer.

export const MemoryContentSchema = z.string().trim().min(1).max(2000);

/** One memory to write (create, supersede's replacement, or a proposal). */
export const MemoryWriteRequestSchema = z.object({
  userId: z.string().uuid(),
  content: MemoryContentSchema,
  memoryType: MemoryTypeSchema,
  confidence: z.number().min(0).max(1).default(0.8),
  importance: z.number().min(0).max(1).default(0.5),
  sourceMessageId: z.string().uuid().optional(),
  sourceConversationId: z.string().uuid().optional(),
  extractionType: ExtractionTypeSchema.default("explicit"),
  /** When the memory stops counting ("for this week"); the expiry sweep then marks it expired. */
  expiresAt: z.string().datetime({ offset: true }).optional(),
});
export type MemoryWriteRequest = z.infer<typeof MemoryWriteRequestSchema>;
export type MemoryWriteRequestInput = z.input<typeof MemoryWriteRequestSchema>;

export const MemoryWriteActionSchema = z.enum([
  "created",
  "duplicate_skipped",
  "rate_limited",
  "queued",
  "confirm_needed",
  "discarded",
  "refused",
  "failed",
]);
export type MemoryWriteAction = z.infer<typeof MemoryWriteActionSchema>;

/** What every write returns: the spec's actions, plus `failed` for errors (never thrown into the chat). */
export const MemoryWriteResponseSchema = z.object({
  action: MemoryWriteActionSchema,
  memoryId: z.string().uuid().optional(),
  proposalId: z.string().uuid().optional(),
  duplicateOf: z.string().uuid().optional(),
  content: z.string().optional(),
  /** Writes left in the tighter of the two rate-limit windows; -1 when Redis is unavailable. */
  remaining: z.number().int().optional(),
  /** Set when the write policy refused the write (RefusalReason). */
  reason: z.string().optional(),
  message: z.string().optional(),
});
export type MemoryWriteResponse = z.infer<typeof MemoryWriteResponseSchema>;

/** An audit row as sent on the live feed (`memory-events:<userId>` and `memory-events:all`). */
export const MemoryEventSchema = z.object({
  id: z.string().uuid(),
  /** bigint cursor as a string: safe in JSON and as an SSE Last-Event-ID */
  seq: z.string().regex(/^\d+$/),
  memoryItemId: z.string().uuid().nullable(),
  userId: z.string().uuid(),
  operation: MemoryOperationSchema,
  confidence: z.number().nullable(),
  extractionType: ExtractionTypeSchema.nullable(),
  beforeContent: z.string().nullable(),
  afterContent: z.string().nullable(),
  correlationId: z.string().uuid().nullable(),
  processingTimeMs: z.number().int().nullable(),
  /** The write policy's reason on `refuse` and `redact` rows (RefusalReason); null otherwise. */
  reason: z.string().nullable(),
  createdAt: z.string().datetime({ offset: true }),
});
export type MemoryEvent = z.infer<typeof MemoryEventSchema>;

/** A search hit: only ever the user's own active memories. */
export const MemorySearchResultSchema = z.object({
  id: z.string().uuid(),
  content: z.string(),
  type: MemoryTypeSchema,
  importance: z.number(),
  confidence: z.number(),
  /** cosine similarity (1 = same direction); null when the row only matched full-text */
  vectorScore: z.number().nullable(),
  /** ts_rank_cd; null when the row only matched by vector */
  textScore: z.number().nullable(),
  /** reciprocal-rank fusion of the two rankings (k = 60) */
  score: z.number(),
  createdAt: z.date(),
});
export type MemorySearchResult = z.infer<typeof MemorySearchResultSchema>;

/**
 * One of the user's queued writes finished: published on `memory-writes:<userId>` by the
 * worker and forwarded by the Activity stream as a `write` event. Only a hint to re-read
 * GET /api/memory-writes/:id, which holds the outcome; not resumable (no event id).
 */
export const MemoryWriteHintSchema = z.object({
  writeId: z.string().uuid(),
  status: MemoryWriteJobStatusSchema.extract(["done", "failed"]),
});
export type MemoryWriteHint = z.infer<typeof MemoryWriteHintSchema>;
