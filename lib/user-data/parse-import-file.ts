import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { MemoryStatusSchema, MemoryTypeSchema, type MemoryStatus, type MemoryType } from "@/lib/db/enums";
import { AppError } from "@/lib/errors";
import { EXPORT_FORMAT, EXPORT_VERSION } from "@/lib/user-data/export-format";

/** Which kind of file an import read. */
export type ImportFormat = "mnemo-export" | "mem0" | "text";

/** One memory to import, whatever file it came from. */
export type ImportItem = {
  /** Stable identity within the file's world ("mnemo:<id>", "mem0:<id>", "text:<hash>"): what makes a re-import a no-op. */
  key: string;
  /** A Mnemo export's own memory id (it may already be this account's memory). */
  exportId: string | null;
  content: string;
  type: MemoryType;
  status: MemoryStatus;
  confidence: number;
  importance: number;
  createdAt: Date | null;
  updatedAt: Date | null;
  deletedAt: Date | null;
  expiresAt: Date | null;
  /** The key of the item that replaced this one, when it is in the same file. */
  supersededByKey: string | null;
  source: {
    conversationId: string;
    conversationTitle: string | null;
    messageId: string | null;
    messageText: string | null;
    messageAt: Date | null;
  } | null;
};

export type ParsedImport = { format: ImportFormat; items: ImportItem[] };

// PostgreSQL cannot store U+0000, and a lone surrogate is not Unicode: refused by field, before anything is written.
const storable = (text: string) => !text.includes("\u0000") && text.isWellFormed();
const StorableString = z.string().refine(storable, "must not contain a NUL character (U+0000) or a lone surrogate");
const ContentSchema = StorableString.pipe(z.string().trim().min(1, "must not be empty").max(2000, "must be at most 2000 characters"));
const Guid = z.guid({ error: "must be a UUID" }).transform((id) => id.toLowerCase());

/** ISO 8601, with an offset or without one (then read as UTC, as mem0's naive timestamps are). */
const DateTimeSchema = z.string().transform((value, ctx) => {
  const date = new Date(/(?:[zZ]|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value}Z`);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d\d-\d\d/.test(value)) {
    ctx.addIssue({ code: "custom", message: "must be an ISO 8601 date-time" });
    return z.NEVER;
  }
  return date;
});

const MnemoSourceSchema = z.object({
  conversationId: Guid,
  conversationTitle: StorableString.nullable().default(null),
  messageId: Guid.nullable().default(null),
  messageText: StorableString.nullable().default(null),
  messageAt: DateTimeSchema.nullable().default(null),
});

/** A Mnemo export's memory, as the importer reads it: what the format requires, extra keys ignored. */
const MnemoMemorySchema = z.object({
  id: Guid,
  content: ContentSchema,
  type: MemoryTypeSchema,
  status: MemoryStatusSchema,
  confidence: z.number().min(0).max(1),
  importance: z.number().min(0).max(1),
  createdAt: DateTimeSchema,
  updatedAt: DateTimeSchema,
  deletedAt: DateTimeSchema.nullable().default(null),
  expiresAt: DateTimeSchema.nullable().default(null),
  supersededBy: Guid.nullable().default(null),
  source: MnemoSourceSchema.nullable().default(null),
});

const MnemoFileSchema = z.object({ memories: z.array(MnemoMemorySchema) });

/** mem0's memory record (get_all, export): only `memory` is required; ids may be strings or numbers. */
const Mem0MemorySchema = z.object({
  id: z.union([z.string(), z.number()]).nullable().optional(),
  memory: ContentSchema,
  created_at: DateTimeSchema.nullable().optional(),
  updated_at: DateTimeSchema.nullable().optional(),
  metadata: z.record(z.string(), z.unknown()).nullable().optional(),
  categories: z.array(z.string()).nullable().optional(),
});

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

function tooMany(count: number, maxItems: number, what: string): AppError {
  return new AppError(
    "validation_failed",
    `The file holds ${count.toLocaleString("en")} ${what}; at most ${maxItems.toLocaleString("en")} can be imported at once. Split it into smaller files.`,
  );
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new AppError("bad_request", "The file is not valid UTF-8 text.");
  }
}

/** "1. I'm vegan", "- note: the wifi is Birchnet" → type and statement; blank lines and # comments are skipped. */
function parseLines(text: string, maxItems: number): ImportItem[] {
  const lines = text.split(/\r\n|\r|\n/);
  const items: ImportItem[] = [];
  lines.forEach((raw, index) => {
    const line = raw.trim().replace(/^(?:[-*•]|\d+[.)])\s+/, "");
    if (line === "" || line.startsWith("#")) return;
    const typed = /^(fact|preference|decision|note)\s*:\s*(.*)$/i.exec(line);
    const type = (typed ? typed[1]!.toLowerCase() : "fact") as MemoryType;
    const content = (typed ? typed[2]! : line).trim();
    const where = `Line ${index + 1}`;
    if (!storable(content)) throw new AppError("bad_request", `${where} contains a NUL character or a lone surrogate.`);
    if (content.length === 0) throw new AppError("bad_request", `${where} names a type but no statement.`);
    if (content.length > 2000) throw new AppError("bad_request", `${where} is longer than 2000 characters (${content.length}).`);
    items.push({
      key: `text:${sha256(`${type}\n${content}`)}`,
      exportId: null,
      content,
      type,
      status: "active",
      confidence: 1,
      importance: 0.5,
      createdAt: null,
      updatedAt: null,
      deletedAt: null,
      expiresAt: null,
      supersededByKey: null,
      source: null,
    });
  });
  if (items.length > maxItems) throw tooMany(items.length, maxItems, "statements");
  return items;
}

function mem0Type(record: z.infer<typeof Mem0MemorySchema>): MemoryType {
  const declared = MemoryTypeSchema.exclude(["episode"]).safeParse(record.metadata?.type ?? record.metadata?.memory_type);
  if (declared.success) return declared.data;
  const categories = [...(record.categories ?? []), ...(Array.isArray(record.metadata?.categories) ? record.metadata.categories : [])];
  return categories.some((c) => typeof c === "string" && /prefer/i.test(c)) ? "preference" : "fact";
}

function parseMem0(records: unknown[], path: string): ImportItem[] {
  const parsed = z.array(Mem0MemorySchema).safeParse(records);
  if (!parsed.success) throw prefixed(parsed.error, path);
  return parsed.data.map((record) => ({
    key: record.id !== null && record.id !== undefined && String(record.id) !== "" ? `mem0:${record.id}` : `mem0:text:${sha256(record.memory)}`,
    exportId: null,
    content: record.memory,
    type: mem0Type(record),
    status: "active",
    confidence: 0.8,
    importance: 0.5,
    createdAt: record.created_at ?? null,
    updatedAt: record.updated_at ?? record.created_at ?? null,
    deletedAt: null,
    expiresAt: null,
    supersededByKey: null,
    source: null,
  }));
}

function parseMnemo(file: Record<string, unknown>): ImportItem[] {
  const parsed = MnemoFileSchema.safeParse(file);
  if (!parsed.success) throw parsed.error;
  const memories = parsed.data.memories;
  const ids = new Set<string>();
  memories.forEach((m, i) => {
    if (ids.has(m.id)) throw new AppError("validation_failed", `memories.${i}.id: ${m.id} appears more than once in the file.`);
    ids.add(m.id);
  });
  // A chain is a list: following supersededBy must end. A cycle is a damaged file, not a history.
  const next = new Map(memories.map((m) => [m.id, m.supersededBy && ids.has(m.supersededBy) ? m.supersededBy : null]));
  for (const start of ids) {
    const seen = new Set<string>();
    for (let at: string | null = start; at; at = next.get(at) ?? null) {
      if (seen.has(at)) throw new AppError("validation_failed", `memories: the supersededBy links starting at ${start} form a cycle.`);
      seen.add(at);
    }
  }
  return memories.map((m) => ({
    key: `mnemo:${m.id}`,
    exportId: m.id,
    content: m.content,
    type: m.type,
    status: m.status,
    confidence: m.confidence,
    importance: m.importance,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    deletedAt: m.deletedAt,
    expiresAt: m.expiresAt,
    // A link to a memory that is not in the file (exported while it was being written) is dropped.
    supersededByKey: next.get(m.id) ? `mnemo:${next.get(m.id)}` : null,
    source: m.source,
  }));
}

/** The ZodError of a nested array, with its path under the file's own key ("results.3.memory"). */
function prefixed(error: z.ZodError, path: string): z.ZodError {
  if (!path) return error;
  return new z.ZodError(error.issues.map((issue) => ({ ...issue, path: [path, ...issue.path] })));
}

const UNRECOGNISED =
  'Unrecognised file: expected a Mnemo export ({"format": "mnemo-export", "version": 1, …}), a mem0 export (a list of {"memory": …} records, or {"results": [...]}), or plain text with one statement per line.';

/**
 * Reads an import file into items, or throws a 4xx naming what is wrong: text that is not
 * UTF-8 (400), JSON that does not parse (400, with the parser's position), a Mnemo export of
 * another version (422), too many items (422), a field of the wrong type (400 naming its path,
 * e.g. memories.3.confidence), or a shape it does not know (422). Accepts a Mnemo export
 * (docs/export-format.md), mem0's memory JSON (a list of records, or wrapped in "results",
 * "memories" or "data"), and plain text (one statement per line, optionally "- " or "1. "
 * bullets and a "preference:" style type prefix; "#" lines are comments).
 */
export function parseImportFile(options: { bytes: Uint8Array; mediaType: string | null; maxItems: number }): ParsedImport {
  const parsed = parseAnyFormat(options);
  if (parsed.items.length === 0) throw new AppError("validation_failed", "The file holds no memories to import.");
  return parsed;
}

function parseAnyFormat(options: { bytes: Uint8Array; mediaType: string | null; maxItems: number }): ParsedImport {
  const { bytes, mediaType, maxItems } = options;
  if (mediaType !== "application/json" && mediaType !== "text/plain") {
    throw new AppError(
      "unsupported_media_type",
      "Send the file as application/json (a Mnemo or mem0 export) or text/plain (one statement per line).",
    );
  }
  const text = decodeUtf8(bytes);
  if (text.trim() === "") throw new AppError("validation_failed", "The file is empty.");
  if (mediaType === "text/plain") return { format: "text", items: parseLines(text, maxItems) };

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppError("bad_request", `The file is not valid JSON: ${error instanceof Error ? error.message : "it does not parse"}.`);
  }
  if (Array.isArray(json)) {
    if (json.length > maxItems) throw tooMany(json.length, maxItems, "memories");
    return { format: "mem0", items: parseMem0(json, "") };
  }
  if (json === null || typeof json !== "object") throw new AppError("validation_failed", UNRECOGNISED);
  const file = json as Record<string, unknown>;
  if ("format" in file) {
    if (file.format !== EXPORT_FORMAT) throw new AppError("validation_failed", UNRECOGNISED);
    if (file.version !== EXPORT_VERSION) {
      throw new AppError(
        "validation_failed",
        `Unsupported ${EXPORT_FORMAT} version ${JSON.stringify(file.version ?? null)}: this Mnemo reads version ${EXPORT_VERSION}.`,
      );
    }
    if (!Array.isArray(file.memories)) throw new z.ZodError([{ code: "custom", path: ["memories"], message: "must be a list of memories", input: file.memories }]);
    if (file.memories.length > maxItems) throw tooMany(file.memories.length, maxItems, "memories");
    return { format: "mnemo-export", items: parseMnemo(file) };
  }
  for (const wrapper of ["results", "memories", "data"]) {
    const records = file[wrapper];
    if (Array.isArray(records)) {
      if (records.length > maxItems) throw tooMany(records.length, maxItems, "memories");
      return { format: "mem0", items: parseMem0(records, wrapper) };
    }
  }
  throw new AppError("validation_failed", UNRECOGNISED);
}
