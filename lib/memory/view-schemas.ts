import { z } from "zod";
import { MemoryEventSchema } from "@/lib/memory/schemas";
import { ExtractionTypeSchema, MemoryOperationSchema, MemoryStatusSchema, MemoryTypeSchema } from "@/lib/db/enums";

// Shapes the memory inspector (Memories, Pending, Activity) and the admin audit log send over
// HTTP. Dates travel as ISO strings so the same schema parses on the server and in the browser.

const isoDate = z.string().datetime({ offset: true });
/** PostgreSQL's bigint maximum: a larger cursor would fail the query instead of matching nothing. */
const MAX_SEQ = 9_223_372_036_854_775_807n;

/** A sequence number (audit seq) as a cursor: decimal digits within PostgreSQL's bigint. */
export const SeqCursorSchema = z
  .string()
  .regex(/^\d{1,19}$/, "must be a sequence number")
  // Zod runs refinements after a failed regex too: only digits reach BigInt().
  .refine((v) => !/^\d{1,19}$/.test(v) || BigInt(v) <= MAX_SEQ, "must be a sequence number (at most 9223372036854775807)");
const seqCursor = SeqCursorSchema;

/**
 * A whole number in a query string: decimal digits only, so "0x10", "1e1" and " 16" are
 * refused rather than read as 16, 10 and 16 (Number() would). Numbers pass (server callers).
 */
const queryInt = (min: number, max: number) =>
  z
    .union([z.number(), z.string().regex(/^\d{1,9}$/, "must be a whole number in decimal digits").transform(Number)])
    .pipe(z.number().int().min(min).max(max));

/**
 * A date filter: an ISO date (2026-05-01) or date-time with its offset, 4-digit years, so
 * what reaches PostgreSQL is always a timestamp it can compare (no "-010000-01-01", no bare "5").
 */
const isoDateOrDateTime = z.union([z.iso.date(), z.iso.datetime({ offset: true, local: false })], {
  error: "must be an ISO date (2026-05-01) or date-time (2026-05-01T12:00:00Z)",
});

/** One memory row as listed on /memories and /memories/pending. */
export const MemoryListItemSchema = z.object({
  id: z.string().uuid(),
  content: z.string(),
  type: MemoryTypeSchema,
  status: MemoryStatusSchema,
  importance: z.number(),
  confidence: z.number(),
  sourceConversationId: z.string().uuid().nullable(),
  sourceMessageId: z.string().uuid().nullable(),
  supersededBy: z.string().uuid().nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
  deletedAt: isoDate.nullable(),
});
export type MemoryListItem = z.infer<typeof MemoryListItemSchema>;

export const MemorySortSchema = z.enum(["newest", "oldest", "importance"]);
export type MemorySort = z.infer<typeof MemorySortSchema>;

/** Comma-separated list in a query string ("active,superseded") → validated array. */
const csvOf = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((s) => s.split(",").map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(item).max(10));

/** GET /api/memories query string. */
export const MemoryListQuerySchema = z.object({
  q: z.string().trim().max(500).optional(),
  types: csvOf(MemoryTypeSchema).optional(),
  statuses: csvOf(MemoryStatusSchema).optional(),
  sort: MemorySortSchema.default("newest"),
  page: queryInt(1, 10_000).default(1),
  pageSize: queryInt(1, 100).default(20),
});
export type MemoryListQuery = z.infer<typeof MemoryListQuerySchema>;

export const MemoryListPageSchema = z.object({
  items: z.array(MemoryListItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type MemoryListPage = z.infer<typeof MemoryListPageSchema>;

/** A memory in a supersession chain: enough to show it and link to it. */
export const ChainLinkSchema = z.object({
  id: z.string().uuid(),
  content: z.string(),
  status: MemoryStatusSchema,
  createdAt: isoDate,
});
export type ChainLink = z.infer<typeof ChainLinkSchema>;

/** GET /api/memories/[id]: the memory, where it came from, its chain both ways and its audit history. */
export const MemoryDetailSchema = z.object({
  memory: MemoryListItemSchema,
  /** When the memory stops counting (set on its page or by "for this week"); null: never. */
  expiresAt: isoDate.nullable(),
  source: z
    .object({
      conversationId: z.string().uuid(),
      conversationTitle: z.string().nullable(),
      messageId: z.string().uuid().nullable(),
      /** The source message's text, when the message still exists. */
      messageText: z.string().nullable(),
      messageAt: isoDate.nullable(),
    })
    .nullable(),
  /** Older versions this memory replaced, oldest first. */
  predecessors: z.array(ChainLinkSchema),
  /** Newer versions that replaced it, in order. */
  successors: z.array(ChainLinkSchema),
  history: z.array(MemoryEventSchema),
  /** The answers this memory was given to (recall): how many, and the latest with their conversations. */
  usage: z.object({
    total: z.number().int(),
    answers: z.array(
      z.object({ messageId: z.string().uuid(), conversationId: z.string().uuid(), conversationTitle: z.string().nullable(), at: isoDate }),
    ),
  }),
});
export type MemoryDetail = z.infer<typeof MemoryDetailSchema>;

export const DeleteResultSchema = z.object({
  deleted: z.array(z.string().uuid()),
  notFound: z.array(z.string()),
});
export type DeleteResult = z.infer<typeof DeleteResultSchema>;

/**
 * A proposal as the chat card and the Pending page see it (the chat's contract).
 * memoryId is the memory that now holds the content (itself once confirmed, or the active
 * duplicate it folded into); outcome is the decision's result (created, duplicate_skipped,
 * discarded, rate_limited) or null while undecided.
 */
export const ProposalStateSchema = z.object({
  id: z.string().uuid(),
  status: z.enum(["pending", "active", "rejected", "superseded", "deleted"]),
  memoryId: z.string().uuid().nullable(),
  outcome: z.string().nullable(),
});
export type ProposalState = z.infer<typeof ProposalStateSchema>;

export const PendingListSchema = z.object({ items: z.array(MemoryListItemSchema), count: z.number().int() });
export type PendingList = z.infer<typeof PendingListSchema>;

/** GET /api/activity: the user's own events, newest first, keyset by seq. */
export const ActivityQuerySchema = z.object({
  before: seqCursor.optional(),
  limit: queryInt(1, 200).default(50),
});

export const ActivityPageSchema = z.object({
  items: z.array(MemoryEventSchema),
  /** Pass as `before` for the next (older) page; null at the end. */
  nextCursor: seqCursor.nullable(),
});
export type ActivityPage = z.infer<typeof ActivityPageSchema>;

/** An audit row for admins: the event plus whose it is. */
export const AuditEventSchema = MemoryEventSchema.extend({ userEmail: z.string().nullable() });
export type AuditEvent = z.infer<typeof AuditEventSchema>;

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** The audit log's filters (query string of GET /api/admin/audit and its CSV export). */
export const AuditFiltersSchema = z.object({
  /** A user id, or an email address (exact, case-insensitive). */
  user: z.preprocess(emptyToUndefined, z.string().trim().max(320).optional()),
  operation: z.preprocess(emptyToUndefined, MemoryOperationSchema.optional()),
  extractionType: z.preprocess(emptyToUndefined, ExtractionTypeSchema.optional()),
  /** Inclusive lower bound: an ISO date or date-time. */
  from: z.preprocess(emptyToUndefined, isoDateOrDateTime.transform((v) => new Date(v)).optional()),
  /** Exclusive upper bound; a bare date (YYYY-MM-DD) means up to the end of that day. */
  to: z.preprocess(
    emptyToUndefined,
    isoDateOrDateTime
      .transform((v) => {
        const bareDay = /^\d{4}-\d{2}-\d{2}$/.test(v);
        const date = new Date(bareDay ? `${v}T00:00:00.000Z` : v);
        if (bareDay) date.setUTCDate(date.getUTCDate() + 1);
        return date;
      })
      .optional(),
  ),
  correlationId: z.preprocess(emptyToUndefined, z.string().uuid({ message: "must be a UUID" }).optional()),
});
export type AuditFilters = z.infer<typeof AuditFiltersSchema>;

export const AuditQuerySchema = AuditFiltersSchema.extend({
  cursor: z.preprocess(emptyToUndefined, seqCursor.optional()),
  limit: queryInt(1, 200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditPageSchema = z.object({ items: z.array(AuditEventSchema), nextCursor: seqCursor.nullable() });
export type AuditPage = z.infer<typeof AuditPageSchema>;
