import "server-only";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  dbNumber,
  embeddingIndexName,
  HNSW_MAX_DIMENSIONS,
  isUsableVector,
  parseEmbeddingSpace,
  toVectorLiteral,
  vectorType,
  type EmbeddingSpace,
  type SqlClient,
} from "@/lib/db/sql-client";

// SQL for embedding spaces as a whole: each space's partial HNSW index, and the rows to
// re-embed when the configured model changes. These statements are maintenance across users
// (the re-embed run, start-up and health counts); the per-user queries are in
// memory-items-sql.ts and memory-items-search-sql.ts.

/** Memories whose vector search and dedup use: what needs a vector in the configured space. */
const EMBEDDED_STATUSES = Prisma.sql`status IN ('active', 'pending')`;

/** Whether the space's partial HNSW index exists (spaces above HNSW_MAX_DIMENSIONS never get one). */
export async function selectEmbeddingIndexExists(db: SqlClient, space: EmbeddingSpace): Promise<boolean> {
  const rows = await db.$queryRaw<unknown[]>`SELECT to_regclass(${embeddingIndexName(space.model)}) IS NOT NULL AS present`;
  return z.object({ present: z.boolean() }).parse(rows[0]).present;
}

/**
 * Creates the space's partial HNSW expression index unless it exists; true when this call built
 * it. Run it in a transaction: the advisory lock serialises replicas starting together. The
 * model and dimension are validated (parseEmbeddingSpace) before they are spliced: DDL takes no
 * parameters.
 */
export async function createEmbeddingIndex(db: SqlClient, space: EmbeddingSpace): Promise<boolean> {
  const { model, dimensions } = parseEmbeddingSpace(space);
  if (dimensions > HNSW_MAX_DIMENSIONS) return false;
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('memory_items_embedding_index', 7302))`;
  if (await selectEmbeddingIndexExists(db, space)) return false;
  const name = Prisma.raw(embeddingIndexName(model));
  const predicate = Prisma.raw(`'${model}'`);
  await db.$executeRaw`
    CREATE INDEX IF NOT EXISTS ${name} ON memory_items
    USING hnsw ((embedding::${vectorType(dimensions)}) vector_cosine_ops)
    WHERE embedding_model = ${predicate}`;
  return true;
}

const SpaceCountSchema = z.object({ model: z.string().nullable(), count: dbNumber });

/** Active and pending memories per embedding model (null: unknown, stored before provenance was recorded). */
export async function countMemoriesBySpace(db: SqlClient): Promise<z.infer<typeof SpaceCountSchema>[]> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT embedding_model AS model, count(*)::int AS count FROM memory_items
    WHERE ${EMBEDDED_STATUSES}
    GROUP BY embedding_model ORDER BY count(*) DESC`;
  return z.array(SpaceCountSchema).parse(rows);
}

const OutsideRowSchema = z.object({ id: z.string(), user_id: z.string(), content: z.string() });
export type MemoryToReembed = z.infer<typeof OutsideRowSchema>;

/** The next active or pending memories (by id, after `afterId`) whose vector is not in the space. */
export async function selectMemoriesOutsideSpace(
  db: SqlClient,
  q: { space: EmbeddingSpace; afterId: string | null; limit: number },
): Promise<MemoryToReembed[]> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT id::text, user_id::text, content FROM memory_items
    WHERE ${EMBEDDED_STATUSES} AND embedding_model IS DISTINCT FROM ${q.space.model}
      AND (${q.afterId}::uuid IS NULL OR id > ${q.afterId}::uuid)
    ORDER BY id
    LIMIT ${q.limit}::int`;
  return z.array(OutsideRowSchema).parse(rows);
}

/**
 * Stores re-computed vectors with their model, one statement per batch. A row whose content
 * changed since it was read, or that meanwhile got a vector of the space (the app wrote it), is
 * left alone: the app's own write wins. updated_at is kept: the memory itself did not change.
 */
export async function updateMemoryEmbeddings(
  db: SqlClient,
  q: { space: EmbeddingSpace; rows: { id: string; userId: string; content: string; vector: number[] }[] },
): Promise<number> {
  if (q.rows.length === 0) return 0;
  const { model } = parseEmbeddingSpace(q.space);
  const json = JSON.stringify(
    q.rows.map((r) => ({ id: r.id, user_id: r.userId, content: r.content, embedding: isUsableVector(r.vector) ? toVectorLiteral(r.vector) : null })),
  );
  return db.$executeRaw`
    UPDATE memory_items m
    SET embedding = r.embedding::vector, embedding_model = ${model}
    FROM jsonb_to_recordset(${json}::jsonb) AS r(id uuid, user_id uuid, content text, embedding text)
    WHERE m.id = r.id AND m.user_id = r.user_id AND m.content = r.content
      AND m.embedding_model IS DISTINCT FROM ${model}`;
}
