import { z } from "zod";
import { ExtractionTypeSchema, MemoryOperationSchema, MemoryStatusSchema, MemoryTypeSchema } from "@/lib/db/enums";

// The Mnemo export file ("mnemo-export", version 1): everything Mnemo holds about one user, as
// documented in docs/export-format.md. docs/mnemo-export.schema.json is generated from these
// schemas (a unit test fails when the two differ), so the file format, its JSON Schema and the
// importer cannot drift apart. Not server-only: the browser reads the version too.

export const EXPORT_FORMAT = "mnemo-export";
export const EXPORT_VERSION = 1;

const isoDateTime = z.iso.datetime({ offset: true });
// Any 8-4-4-4-12 hex id: files written by hand or by other tools need not carry RFC version bits.
const uuid = z.guid();

/** One audit row: what was written when, and how it was decided. */
export const ExportEventSchema = z.object({
  id: uuid,
  /** The audit table's order; a decimal string (it is a 64-bit integer). */
  seq: z.string().regex(/^\d+$/).describe("The audit table's order, as a decimal string (a 64-bit integer)."),
  /** The memory it is about; null for refusals, erase receipts and events of memories that no longer exist. */
  memoryId: uuid.nullable().describe("The memory the row is about; null for refusals, erase receipts and rows of memories that no longer exist."),
  operation: MemoryOperationSchema,
  extractionType: ExtractionTypeSchema.nullable(),
  confidence: z.number().nullable(),
  /** Why a write was refused or content redacted (a write-policy reason code). */
  reason: z.string().nullable().describe("Why a write was refused or content redacted (a write-policy reason code)."),
  beforeContent: z.string().nullable(),
  afterContent: z.string().nullable(),
  createdAt: isoDateTime,
});
export type ExportEvent = z.infer<typeof ExportEventSchema>;

/** Where a memory came from: the message it was saved from and that message's conversation. */
export const ExportSourceSchema = z.object({
  conversationId: uuid,
  conversationTitle: z.string().nullable(),
  /** null when the memory has no message of its own (an episode summary) or the message is gone. */
  messageId: uuid.nullable().describe("null when the memory has no message of its own (an episode summary) or the message is gone."),
  /** The message's text (its text parts joined). */
  messageText: z.string().nullable().describe("The source message's text (its text parts joined)."),
  messageAt: isoDateTime.nullable(),
});
export type ExportSource = z.infer<typeof ExportSourceSchema>;

/** One memory in any status, with its chain link, provenance, expiry and audit history. */
export const ExportMemorySchema = z.object({
  id: uuid,
  content: z.string().min(1).max(2000),
  type: MemoryTypeSchema,
  status: MemoryStatusSchema,
  confidence: z.number().min(0).max(1),
  importance: z.number().min(0).max(1),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  deletedAt: isoDateTime.nullable(),
  /** After this moment the memory no longer counts; null: never expires. */
  expiresAt: isoDateTime.nullable().describe("After this moment the memory no longer counts; null: never expires."),
  /** The id of the newer version that replaced this one (another memory in the file); null when none did. */
  supersededBy: uuid.nullable().describe("The id of the newer version (another memory in the file) that replaced this one."),
  source: ExportSourceSchema.nullable().describe("Where the memory came from; null when it was not tied to a conversation that still exists."),
  /** This memory's audit rows, oldest first. */
  history: z.array(ExportEventSchema).describe("This memory's audit rows, oldest first."),
});
export type ExportMemory = z.infer<typeof ExportMemorySchema>;

export const ExportMessageSchema = z.object({
  id: uuid,
  role: z.enum(["user", "assistant", "system"]),
  createdAt: isoDateTime,
  /** The message's text parts joined; null when it has none (only tool calls). */
  text: z.string().nullable().describe("The message's text parts joined; null when it has none (only tool calls)."),
  /** For an answer, the user message it replies to. */
  replyToId: uuid.nullable(),
});

export const ExportConversationSchema = z.object({
  id: uuid,
  title: z.string(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  messages: z.array(ExportMessageSchema),
});
export type ExportConversation = z.infer<typeof ExportConversationSchema>;

export const ExportAccountSchema = z.object({
  id: uuid,
  email: z.string(),
  name: z.string(),
  createdAt: isoDateTime,
});

/** The whole file. Keys are written in this order; readers must not rely on it. */
export const ExportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: isoDateTime,
  account: ExportAccountSchema,
  memories: z.array(ExportMemorySchema),
  conversations: z.array(ExportConversationSchema),
  /** Audit rows not tied to a memory in the file (refusals, erase receipts, expiry changes of memories since erased). */
  events: z.array(ExportEventSchema).describe("Audit rows not tied to a memory in the file: refusals, erase receipts."),
});
export type ExportFile = z.infer<typeof ExportFileSchema>;

/** The JSON Schema of the file, as committed in docs/mnemo-export.schema.json. */
export function exportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ExportFileSchema, { target: "draft-2020-12", io: "input" }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: "https://mnemo.example/schemas/mnemo-export-v1.schema.json",
    title: "Mnemo export, version 1",
    description: "Everything Mnemo holds about one user: memories in every status with their chains, provenance, expiry and audit history; conversations; other audit rows. See docs/export-format.md.",
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== "$schema")),
  };
}
