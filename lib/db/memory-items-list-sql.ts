import "server-only";
import { z } from "zod";
import { dbDate, dbNumber, toCsvParam, type SqlClient } from "@/lib/db/sql-client";
import { MEMORY_ITEM_COLUMNS, MemoryItemRowSchema, type MemoryItemRecord } from "@/lib/db/memory-items-sql";
import { MemoryStatusSchema, MemoryTypeSchema, type MemoryStatus, type MemoryType } from "@/lib/db/enums";

// Read-side SQL over memory_items: the browser's pages and text matches, memories by id, the
// supersession chain both ways, a memory's provenance, pending proposals. Every statement has
// the user's id in its WHERE clause, including each step of the recursive chain walks.

export type MemorySortOrder = "newest" | "oldest" | "importance";

/** One page of the user's memories with the total count of the filtered set. */
export async function selectMemoryPage(
  db: SqlClient,
  q: { userId: string; statuses: MemoryStatus[]; types: MemoryType[] | null; sort: MemorySortOrder; limit: number; offset: number },
): Promise<{ items: MemoryItemRecord[]; total: number }> {
  const types = q.types && q.types.length ? toCsvParam(q.types) : null;
  // Prisma's tagged template cannot splice identifiers, so the sort is a CASE per direction;
  // a user's memories are few enough that the in-memory sort costs nothing.
  const rows = await db.$queryRaw<unknown[]>`
    SELECT ${MEMORY_ITEM_COLUMNS}, count(*) OVER () AS total
    FROM memory_items
    WHERE user_id = ${q.userId}::uuid
      AND status = ANY(string_to_array(${toCsvParam(q.statuses)}, ','))
      AND (${types}::text IS NULL OR type = ANY(string_to_array(${types}::text, ',')))
    ORDER BY
      CASE WHEN ${q.sort} = 'importance' THEN importance END DESC NULLS LAST,
      CASE WHEN ${q.sort} = 'oldest' THEN created_at END ASC NULLS LAST,
      created_at DESC, id
    LIMIT ${q.limit}::int OFFSET ${q.offset}::int`;
  const total = rows.length ? z.object({ total: dbNumber }).parse(rows[0]).total : 0;
  if (!rows.length && q.offset > 0) {
    const count = await db.$queryRaw<unknown[]>`
      SELECT count(*) AS total FROM memory_items
      WHERE user_id = ${q.userId}::uuid AND status = ANY(string_to_array(${toCsvParam(q.statuses)}, ','))
        AND (${types}::text IS NULL OR type = ANY(string_to_array(${types}::text, ',')))`;
    return { items: [], total: z.object({ total: dbNumber }).parse(count[0]).total };
  }
  return { items: z.array(MemoryItemRowSchema).parse(rows), total };
}

/** The user's memories with these ids (any status), in no particular order. */
export async function selectMemoryItems(db: SqlClient, q: { userId: string; ids: string[] }): Promise<MemoryItemRecord[]> {
  if (q.ids.length === 0) return [];
  const rows = await db.$queryRaw<unknown[]>`
    SELECT ${MEMORY_ITEM_COLUMNS}
    FROM memory_items
    WHERE user_id = ${q.userId}::uuid AND id = ANY(string_to_array(${toCsvParam(q.ids)}, ',')::uuid[])`;
  return z.array(MemoryItemRowSchema).parse(rows);
}

/**
 * Text matches among the user's non-active memories (hybrid search only covers active ones):
 * full-text first, then a plain substring, newest first.
 */
export async function selectTextMatches(
  db: SqlClient,
  q: { userId: string; query: string; statuses: MemoryStatus[]; types: MemoryType[] | null; limit: number },
): Promise<MemoryItemRecord[]> {
  if (q.statuses.length === 0) return [];
  const types = q.types && q.types.length ? toCsvParam(q.types) : null;
  const like = `%${q.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db.$queryRaw<unknown[]>`
    SELECT ${MEMORY_ITEM_COLUMNS}
    FROM memory_items
    WHERE user_id = ${q.userId}::uuid
      AND status = ANY(string_to_array(${toCsvParam(q.statuses)}, ','))
      AND (${types}::text IS NULL OR type = ANY(string_to_array(${types}::text, ',')))
      AND (search_vector @@ plainto_tsquery('english', ${q.query}) OR content ILIKE ${like})
    ORDER BY created_at DESC
    LIMIT ${q.limit}::int`;
  return z.array(MemoryItemRowSchema).parse(rows);
}

const ChainRowSchema = z
  .object({ id: z.string(), content: z.string(), status: MemoryStatusSchema, created_at: dbDate, depth: dbNumber })
  .transform((r) => ({
    id: r.id,
    content: r.content,
    status: r.status,
    createdAt: r.created_at.toISOString(),
    depth: r.depth,
  }));

export type ChainLinkRecord = { id: string; content: string; status: z.infer<typeof MemoryStatusSchema>; createdAt: string };

// Chains are short in practice; the depth bound only guards against a cycle in bad data.
const MAX_CHAIN = 50;

/** Versions this memory replaced (transitively), oldest first. A memory may replace several. */
export async function selectPredecessors(db: SqlClient, q: { userId: string; id: string }): Promise<ChainLinkRecord[]> {
  const rows = await db.$queryRaw<unknown[]>`
    WITH RECURSIVE back AS (
      SELECT id, content, status, created_at, 1 AS depth FROM memory_items
      WHERE user_id = ${q.userId}::uuid AND superseded_by = ${q.id}::uuid
      UNION ALL
      SELECT m.id, m.content, m.status, m.created_at, back.depth + 1 FROM memory_items m
      JOIN back ON m.superseded_by = back.id
      WHERE m.user_id = ${q.userId}::uuid AND back.depth < ${MAX_CHAIN}
    )
    SELECT id::text, content, status, created_at, depth FROM back ORDER BY depth DESC, created_at`;
  return z.array(ChainRowSchema).parse(rows).map(({ depth: _depth, ...link }) => link);
}

/** Versions that replaced this memory, nearest first. */
export async function selectSuccessors(db: SqlClient, q: { userId: string; id: string }): Promise<ChainLinkRecord[]> {
  const rows = await db.$queryRaw<unknown[]>`
    WITH RECURSIVE fwd AS (
      SELECT n.id, n.content, n.status, n.created_at, n.superseded_by, 1 AS depth
      FROM memory_items m JOIN memory_items n ON n.id = m.superseded_by AND n.user_id = m.user_id
      WHERE m.user_id = ${q.userId}::uuid AND m.id = ${q.id}::uuid
      UNION ALL
      SELECT n.id, n.content, n.status, n.created_at, n.superseded_by, fwd.depth + 1
      FROM memory_items n JOIN fwd ON n.id = fwd.superseded_by
      WHERE n.user_id = ${q.userId}::uuid AND fwd.depth < ${MAX_CHAIN}
    )
    SELECT id::text, content, status, created_at, depth FROM fwd ORDER BY depth`;
  return z.array(ChainRowSchema).parse(rows).map(({ depth: _depth, ...link }) => link);
}

const SourceRowSchema = z.object({
  conversation_id: z.string(),
  title: z.string().nullable(),
  message_id: z.string().nullable(),
  parts: z.unknown().nullable(),
  message_at: dbDate.nullable(),
});

/** The conversation and message a memory came from, when they still exist and are the user's. */
export async function selectMemorySource(
  db: SqlClient,
  q: { userId: string; conversationId: string; messageId: string | null },
): Promise<z.infer<typeof SourceRowSchema> | null> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT c.id::text AS conversation_id, c.title, msg.id::text AS message_id, msg.parts, msg.created_at AS message_at
    FROM conversations c
    LEFT JOIN messages msg
      ON msg.id = ${q.messageId}::uuid AND msg.conversation_id = c.id AND msg.user_id = ${q.userId}::uuid
    WHERE c.id = ${q.conversationId}::uuid AND c.user_id = ${q.userId}::uuid`;
  return rows.length ? SourceRowSchema.parse(rows[0]) : null;
}

/** How many proposals wait for the user's decision (the navigation badge). */
export async function countPendingProposals(db: SqlClient, q: { userId: string }): Promise<number> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT count(*) AS n FROM memory_items WHERE user_id = ${q.userId}::uuid AND status = 'pending'`;
  return z.object({ n: dbNumber }).parse(rows[0]).n;
}

const ProposalRowSchema = z.object({
  id: z.string(),
  status: MemoryStatusSchema,
  superseded_by: z.string().nullable(),
  proposed: z.boolean(),
});

/** A memory of the user that started as a proposal (has a `propose` audit row), or null. */
export async function selectProposal(
  db: SqlClient,
  q: { userId: string; id: string },
): Promise<z.infer<typeof ProposalRowSchema> | null> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT m.id::text, m.status, m.superseded_by::text,
      EXISTS (
        SELECT 1 FROM memory_write_events e
        WHERE e.memory_item_id = m.id AND e.user_id = ${q.userId}::uuid AND e.operation = 'propose'
      ) AS proposed
    FROM memory_items m
    WHERE m.id = ${q.id}::uuid AND m.user_id = ${q.userId}::uuid`;
  const row = rows.length ? ProposalRowSchema.parse(rows[0]) : null;
  return row?.proposed || row?.status === "pending" ? row : null;
}

const StandingRowSchema = z.object({ id: z.string(), content: z.string(), type: MemoryTypeSchema, importance: dbNumber });

// How the user wants to be answered: these are recalled into every turn, whatever is asked.
const ANSWER_STYLE = String.raw`\m(answer|answers|reply|replies|response|responses|format|formatted|units|metric|imperial|celsius|fahrenheit|kilomet|miles|call|called|address|name|language|short|shorter|brief|concise|detail|detailed|tone|emoji|emojis|bullet|bullets|step|steps|explain|words|sentences|formal|casual)`;

// The user's health: a condition, an allergy, an injury, a pregnancy. It bears on any advice about
// food, drink or exercise ("a snack for long runs" and a peanut allergy), so it is recalled into
// every turn whatever importance the model that saved it gave it.
const HEALTH = String.raw`\m(allerg|intoleran|coeliac|celiac|diabet|asthma|gout|cholesterol|blood pressure|hypertension|arthritis|epilep|migraine|eczema|ibs\M|crohn|pregnan|injur|torn|sprain|heart condition|kidney|anaemi|anemi|insomnia|adhd|hearing aid|deaf|blind|wheelchair|medication)`;

/**
 * The user's standing memories: answer-style preferences, facts about their health and anything
 * of high importance, active and not expired; health first, then the most important.
 */
export async function selectStandingMemories(db: SqlClient, q: { userId: string; limit: number; minImportance: number }) {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT id::text, content, type, importance FROM memory_items
    WHERE user_id = ${q.userId}::uuid AND status = 'active' AND (expires_at IS NULL OR expires_at > now())
      AND ((type = 'preference' AND content ~* ${ANSWER_STYLE}) OR (type = 'fact' AND content ~* ${HEALTH}) OR importance >= ${q.minImportance}::float8)
    ORDER BY (type = 'fact' AND content ~* ${HEALTH}) DESC, importance DESC, created_at DESC
    LIMIT ${q.limit}::int`;
  return z.array(StandingRowSchema).parse(rows);
}
