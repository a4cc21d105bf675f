import { z } from "zod";
import { MemoryStatusSchema, MemoryTypeSchema } from "@/lib/db/enums";

// The "Your data" API's shapes (import, erase, account deletion) and the admins' record of
// deleted accounts. Not server-only: the page's hooks parse the same shapes.

// ---------- import ----------

export const ImportOutcomeSchema = z.enum(["created", "duplicate", "already_imported", "refused"]);
export type ImportOutcome = z.infer<typeof ImportOutcomeSchema>;

/** What happened (or, in a dry run, would happen) to one item of the file. */
export const ImportItemReportSchema = z.object({
  /** 0-based position in the file's list (or among its non-empty lines). */
  index: z.number().int(),
  /** The statement with any secret replaced, at most 160 characters. */
  preview: z.string(),
  type: MemoryTypeSchema,
  status: MemoryStatusSchema,
  outcome: ImportOutcomeSchema,
  /** The memory it is (created or already imported) or duplicates. */
  memoryId: z.string().uuid().nullable(),
  /** refused: the write policy's reason code; duplicate: "similar" or "repeated_in_file". */
  reason: z.string().nullable(),
  message: z.string().nullable(),
});
export type ImportItemReport = z.infer<typeof ImportItemReportSchema>;

export const ImportReportSchema = z.object({
  dryRun: z.boolean(),
  format: z.enum(["mnemo-export", "mem0", "text"]),
  counts: z.object({
    total: z.number().int(),
    created: z.number().int(),
    duplicate: z.number().int(),
    alreadyImported: z.number().int(),
    refused: z.number().int(),
    /** Source conversations and messages recreated for provenance (Mnemo exports only). */
    conversations: z.number().int(),
    messages: z.number().int(),
  }),
  items: z.array(ImportItemReportSchema),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

/** POST /api/data/import?dryRun=1: the query string (the body is the file itself). */
export const ImportQuerySchema = z.object({
  dryRun: z.enum(["1", "0", "true", "false"]).default("0").transform((v) => v === "1" || v === "true"),
});

// ---------- erase ----------

const dryRun = z.boolean().default(false);

/**
 * POST /api/data/erase body: what to erase for good (one memory and its chain, everything
 * matching a search, or all memories), and `dryRun` to only see what it covers.
 */
export const ErasureBodySchema = z.discriminatedUnion("scope", [
  z.strictObject({ scope: z.literal("memory"), memoryId: z.uuid({ message: "must be a UUID" }).transform((id) => id.toLowerCase()), dryRun }),
  z.strictObject({ scope: z.literal("search"), query: z.string().trim().min(2, "must be at least 2 characters").max(200), dryRun }),
  z.strictObject({ scope: z.literal("all"), dryRun }),
]);
export type ErasureBody = z.input<typeof ErasureBodySchema>;
/** The scope alone, as the domain takes it. */
export type ErasureScope =
  | { scope: "memory"; memoryId: string }
  | { scope: "search"; query: string }
  | { scope: "all" };

/** Counts of what an erasure removed; never content. */
export const ErasureCountsSchema = z.object({
  memories: z.number().int(),
  episodes: z.number().int(),
  auditRows: z.number().int(),
  writeJobs: z.number().int(),
  messages: z.number().int(),
  titles: z.number().int(),
  recalls: z.number().int(),
});
export type ErasureCounts = z.infer<typeof ErasureCountsSchema>;

export const ErasurePreviewSchema = z.object({
  dryRun: z.literal(true),
  /** Memories the erasure covers: the matches and every version in their chains. */
  memories: z.number().int(),
  /** The first of them, to show before asking. */
  sample: z.array(z.object({ id: z.string().uuid(), content: z.string(), type: MemoryTypeSchema, status: MemoryStatusSchema })),
});
export type ErasurePreview = z.infer<typeof ErasurePreviewSchema>;

export const ErasureResultSchema = z.object({
  dryRun: z.literal(false),
  counts: ErasureCountsSchema,
  /** Every memory erased (ids only). */
  memoryIds: z.array(z.string().uuid()),
});
export type ErasureResult = z.infer<typeof ErasureResultSchema>;

export const ErasureResponseSchema = z.union([ErasurePreviewSchema, ErasureResultSchema]);
export type ErasureResponse = z.infer<typeof ErasureResponseSchema>;

// ---------- account ----------

/** DELETE /api/account body: the account's email address, typed to confirm. */
export const AccountDeletionBodySchema = z.strictObject({
  confirmEmail: z.string().trim().min(1, "type your email address to confirm").max(320),
});

export const AccountDeletionCountsSchema = z.record(z.string(), z.number().int());

export const AccountDeletionResultSchema = z.object({ deleted: z.literal(true), counts: AccountDeletionCountsSchema });
export type AccountDeletionResult = z.infer<typeof AccountDeletionResultSchema>;

/** A deleted account as admins see it: the id it had, when, how much; no content, no email. */
export const AccountDeletionRecordSchema = z.object({
  id: z.string().uuid(),
  userId: z.string().uuid(),
  counts: AccountDeletionCountsSchema,
  createdAt: z.string(),
  completedAt: z.string().nullable(),
});
export type AccountDeletionRecord = z.infer<typeof AccountDeletionRecordSchema>;
