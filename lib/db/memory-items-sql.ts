import "server-only";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { prepareVectorScan } from "@/lib/db/memory-items-search-sql";
import {
  dbDate,
  dbNumber,
  isUsableVector,
  toCsvParam,
  parseEmbeddingSpace,
  toVectorLiteral,
  vectorDistance,
  vectorOrderKey,
  type Embedding,
  type SqlClient,
} from "@/lib/db/sql-client";
import { MemoryStatusSchema, MemoryTypeSchema, type MemoryStatus, type MemoryType } from "@/lib/db/enums";

// SQL for memory_items on the write path (locks, dedup, insert, status changes). The read side
// (lists, chains, provenance) is memory-items-list-sql.ts, search is memory-items-search-sql.ts;
// all three share MemoryItemRowSchema. Every statement is scoped by user_id in its WHERE clause.

/** The columns every read of a whole memory selects, in this order. */
export const MEMORY_ITEM_COLUMNS = Prisma.sql`id::text, content, type, status, importance, confidence,
  source_conversation_id::text, source_message_id::text, superseded_by::text, created_at, updated_at, deleted_at`;

/** One memory_items row as the app sees it (camelCase, ISO dates). */
export const MemoryItemRowSchema = z
  .object({
    id: z.string(),
    content: z.string(),
    type: MemoryTypeSchema,
    status: MemoryStatusSchema,
    importance: dbNumber,
    confidence: dbNumber,
    source_conversation_id: z.string().nullable(),
    source_message_id: z.string().nullable(),
    superseded_by: z.string().nullable(),
    created_at: dbDate,
    updated_at: dbDate,
    deleted_at: dbDate.nullable(),
  })
  .transform((r) => ({
    id: r.id,
    content: r.content,
    type: r.type,
    status: r.status,
    importance: r.importance,
    confidence: r.confidence,
    sourceConversationId: r.source_conversation_id,
    sourceMessageId: r.source_message_id,
    supersededBy: r.superseded_by,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    deletedAt: r.deleted_at?.toISOString() ?? null,
  }));
export type MemoryItemRecord = z.output<typeof MemoryItemRowSchema>;

/**
 * Serialises one user's memory writes until the transaction ends, so "is there a duplicate?"
 * and the insert cannot interleave with another write of the same user, and so that user's
 * audit rows commit in seq order (the SSE resume cursor relies on that).
 */
export async function lockUserMemoryWrites(db: SqlClient, q: { userId: string; relaxedCommit?: boolean }): Promise<void> {
  // With relaxedCommit, this transaction also stops waiting for its WAL flush at commit (see
  // runMemoryTransaction for why that is safe for queued jobs); one round trip either way.
  await db.$queryRaw`
    SELECT pg_advisory_xact_lock(hashtextextended(${q.userId}, 7301))::text AS locked,
      CASE WHEN ${q.relaxedCommit ?? false} THEN set_config('synchronous_commit', 'off', true) END AS relaxed`;
}

const NearestRowSchema = z.object({ id: z.string(), content: z.string(), similarity: dbNumber });

/**
 * The user's active memory closest to the vector among those of the same embedding space, with
 * its cosine similarity. Memories of another space (or of none recorded) are never compared:
 * their vectors mean something else. Call inside a transaction.
 */
export async function selectNearestActiveMemory(
  db: SqlClient,
  q: { userId: string; embedding: Embedding; excludeId?: string },
): Promise<z.infer<typeof NearestRowSchema> | null> {
  if (!isUsableVector(q.embedding.vector)) return null;
  const space = parseEmbeddingSpace({ model: q.embedding.model, dimensions: q.embedding.vector.length });
  const { exact } = await prepareVectorScan(db, { userId: q.userId, space });
  const v = toVectorLiteral(q.embedding.vector);
  const rows = await db.$queryRaw<unknown[]>`
    SELECT id::text, content, 1 - distance AS similarity FROM (
      SELECT id, content, ${vectorDistance(v, exact, space.dimensions)} AS distance
      FROM memory_items
      WHERE user_id = ${q.userId}::uuid AND status = 'active' AND embedding_model = ${space.model} AND embedding IS NOT NULL
        AND (expires_at IS NULL OR expires_at > now())
        AND (${q.excludeId ?? null}::uuid IS NULL OR id <> ${q.excludeId ?? null}::uuid)
      ORDER BY ${vectorOrderKey(v, exact, space.dimensions)}
      LIMIT 3
    ) nearest
    ORDER BY distance
    LIMIT 1`;
  return rows.length ? NearestRowSchema.parse(rows[0]) : null;
}

export type MemoryItemInsert = {
  id: string;
  userId: string;
  content: string;
  type: MemoryType;
  /** null only for content that is never embedded; a zero vector is stored as NULL with its model recorded */
  embedding: Embedding | null;
  importance: number;
  confidence: number;
  sourceMessageId?: string | null;
  sourceConversationId?: string | null;
  /** after this moment the memory no longer counts; null or absent: never expires */
  expiresAt?: Date | null;
  status: "active" | "pending";
};

/** Inserts one memory with its vector and the model that made it (embedding_model). */
export async function insertMemoryItem(db: SqlClient, m: MemoryItemInsert): Promise<void> {
  const v = m.embedding && isUsableVector(m.embedding.vector) ? toVectorLiteral(m.embedding.vector) : null;
  const model = m.embedding ? parseEmbeddingSpace({ model: m.embedding.model, dimensions: m.embedding.vector.length }).model : null;
  await db.$executeRaw`
    INSERT INTO memory_items
      (id, user_id, content, type, embedding, embedding_model, importance, confidence,
       source_message_id, source_conversation_id, status, expires_at, created_at, updated_at)
    VALUES
      (${m.id}::uuid, ${m.userId}::uuid, ${m.content}, ${m.type}, ${v}::vector, ${model}, ${m.importance}::float8,
       ${m.confidence}::float8, ${m.sourceMessageId ?? null}::uuid, ${m.sourceConversationId ?? null}::uuid,
       ${m.status}, ${m.expiresAt ?? null}::timestamptz, now(), now())`;
}

const LockedItemSchema = z.object({
  id: z.string(),
  content: z.string(),
  type: MemoryTypeSchema,
  status: MemoryStatusSchema,
  importance: dbNumber,
  confidence: dbNumber,
  source_message_id: z.string().nullable(),
  source_conversation_id: z.string().nullable(),
  expires_at: dbDate.nullable(),
});
export type LockedMemoryItem = z.infer<typeof LockedItemSchema>;

/** Reads and row-locks one memory of this user; null when absent or another user's. */
export async function selectMemoryForUpdate(
  db: SqlClient,
  q: { userId: string; id: string },
): Promise<LockedMemoryItem | null> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT id::text, content, type, status, importance, confidence,
           source_message_id::text, source_conversation_id::text, expires_at
    FROM memory_items
    WHERE id = ${q.id}::uuid AND user_id = ${q.userId}::uuid
    FOR UPDATE`;
  return rows.length ? LockedItemSchema.parse(rows[0]) : null;
}

/** Changes one memory's status (and optionally its embedding with its model, confidence or successor). */
export async function updateMemoryStatus(
  db: SqlClient,
  q: {
    userId: string;
    id: string;
    status: MemoryStatus;
    supersededBy?: string | null;
    embedding?: Embedding;
    confidence?: number;
  },
): Promise<number> {
  const v = q.embedding && isUsableVector(q.embedding.vector) ? toVectorLiteral(q.embedding.vector) : null;
  const model = q.embedding ? parseEmbeddingSpace({ model: q.embedding.model, dimensions: q.embedding.vector.length }).model : null;
  return db.$executeRaw`
    UPDATE memory_items
    SET status = ${q.status},
        superseded_by = COALESCE(${q.supersededBy ?? null}::uuid, superseded_by),
        -- a new embedding replaces vector and model together (a zero vector: NULL in that model)
        embedding = CASE WHEN ${model}::text IS NULL THEN embedding ELSE ${v}::vector END,
        embedding_model = COALESCE(${model}::text, embedding_model),
        confidence = COALESCE(${q.confidence ?? null}::float8, confidence),
        deleted_at = CASE WHEN ${q.status} = 'deleted' THEN now() ELSE deleted_at END,
        updated_at = now()
    WHERE id = ${q.id}::uuid AND user_id = ${q.userId}::uuid`;
}

const DeletedRowSchema = z.object({ id: z.string(), content: z.string() });

/** Soft-deletes exactly the named memories that belong to the user and are still visible. */
export async function softDeleteMemoryItems(
  db: SqlClient,
  q: { userId: string; ids: string[] },
): Promise<z.infer<typeof DeletedRowSchema>[]> {
  if (q.ids.length === 0) return [];
  const rows = await db.$queryRaw<unknown[]>`
    UPDATE memory_items
    SET status = 'deleted', deleted_at = now(), updated_at = now()
    WHERE user_id = ${q.userId}::uuid
      AND id = ANY(string_to_array(${toCsvParam(q.ids)}, ',')::uuid[])
      AND status IN ('active', 'pending')
    RETURNING id::text, content`;
  return z.array(DeletedRowSchema).parse(rows);
}

/** The episode memory already stored for a conversation, whatever its status, if any. */
export async function selectEpisodeForConversation(
  db: SqlClient,
  q: { userId: string; conversationId: string },
): Promise<{ id: string } | null> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT id::text FROM memory_items
    WHERE user_id = ${q.userId}::uuid AND source_conversation_id = ${q.conversationId}::uuid AND type = 'episode'
    LIMIT 1`;
  return rows.length ? z.object({ id: z.string() }).parse(rows[0]) : null;
}

/**
 * Replaces a memory's content with a redacted version and drops its embedding (it was computed
 * from the original text), optionally changing its status: for content the write policy would
 * refuse (a proposal confirmed after the policy changed, the scrub command).
 */
export async function redactMemoryItem(
  db: SqlClient,
  q: { userId: string; id: string; content: string; status?: MemoryStatus },
): Promise<number> {
  return db.$executeRaw`
    UPDATE memory_items
    SET content = ${q.content}, embedding = NULL, embedding_model = NULL,
        status = COALESCE(${q.status ?? null}, status),
        deleted_at = CASE WHEN ${q.status ?? null} = 'deleted' THEN now() ELSE deleted_at END,
        updated_at = now()
    WHERE id = ${q.id}::uuid AND user_id = ${q.userId}::uuid`;
}

/** Which of the ids are this user's memories in one of the statuses (input order kept). */
export async function selectOwnedMemoryIds(
  db: SqlClient,
  q: { userId: string; ids: string[]; statuses: MemoryStatus[] },
): Promise<string[]> {
  if (q.ids.length === 0 || q.statuses.length === 0) return [];
  const rows = await db.$queryRaw<unknown[]>`
    SELECT id::text FROM memory_items
    WHERE user_id = ${q.userId}::uuid
      AND id = ANY(string_to_array(${toCsvParam(q.ids)}, ',')::uuid[])
      AND status = ANY(string_to_array(${toCsvParam(q.statuses)}, ','))`;
  const owned = new Set(z.array(z.object({ id: z.string() })).parse(rows).map((r) => r.id));
  return q.ids.filter((id) => owned.has(id));
}
