import "server-only";
import type { MemoryStatus, MemoryType } from "@/lib/db/enums";
import { isUsableVector, parseEmbeddingSpace, toVectorLiteral, type Embedding, type SqlClient } from "@/lib/db/sql-client";

// SQL over memory_items for imports: a memory inserted as the file had it (any status, its
// original timestamps and expiry), and the supersede links set once every row of the file
// exists. Scoped by user_id like every memory statement.

export type ImportedMemoryItemInsert = {
  id: string;
  userId: string;
  content: string;
  type: MemoryType;
  status: MemoryStatus;
  embedding: Embedding | null;
  importance: number;
  confidence: number;
  sourceMessageId: string | null;
  sourceConversationId: string | null;
  createdAt: Date | null;
  updatedAt: Date | null;
  deletedAt: Date | null;
  expiresAt: Date | null;
};

/** Inserts one imported memory with its vector and model; timestamps default to now. */
export async function insertImportedMemoryItem(db: SqlClient, m: ImportedMemoryItemInsert): Promise<void> {
  const v = m.embedding && isUsableVector(m.embedding.vector) ? toVectorLiteral(m.embedding.vector) : null;
  const model = m.embedding ? parseEmbeddingSpace({ model: m.embedding.model, dimensions: m.embedding.vector.length }).model : null;
  await db.$executeRaw`
    INSERT INTO memory_items
      (id, user_id, content, type, embedding, embedding_model, importance, confidence,
       source_message_id, source_conversation_id, status, created_at, updated_at, deleted_at, expires_at)
    VALUES
      (${m.id}::uuid, ${m.userId}::uuid, ${m.content}, ${m.type}, ${v}::vector, ${model}, ${m.importance}::float8,
       ${m.confidence}::float8, ${m.sourceMessageId}::uuid, ${m.sourceConversationId}::uuid, ${m.status},
       COALESCE(${m.createdAt}::timestamptz, now()), COALESCE(${m.updatedAt}::timestamptz, ${m.createdAt}::timestamptz, now()),
       ${m.deletedAt}::timestamptz, ${m.expiresAt}::timestamptz)`;
}

/** Points an imported memory at the version that replaced it, when both are this user's; the row count. */
export async function linkImportedSupersession(db: SqlClient, q: { userId: string; id: string; supersededBy: string }): Promise<number> {
  return db.$executeRaw`
    UPDATE memory_items SET superseded_by = ${q.supersededBy}::uuid
    WHERE id = ${q.id}::uuid AND user_id = ${q.userId}::uuid
      AND EXISTS (SELECT 1 FROM memory_items s WHERE s.id = ${q.supersededBy}::uuid AND s.user_id = ${q.userId}::uuid)`;
}
