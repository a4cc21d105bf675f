import "server-only";
import { z } from "zod";
import { dbDate, dbNumber, toCsvParam, toVectorLiteral, type SqlClient } from "@/lib/db/memory-sql-client";
import { MemoryTypeSchema, type MemorySearchResult, type MemoryType } from "@/lib/memory/schemas";

// Reciprocal-rank fusion constant from Cormack et al.; 60 is the usual choice and damps the
// difference between rank 1 and rank 2 so neither arm dominates.
const RRF_K = 60;

const SearchRowSchema = z
  .object({
    id: z.string(),
    content: z.string(),
    type: MemoryTypeSchema,
    importance: dbNumber,
    confidence: dbNumber,
    vector_score: dbNumber.nullable(),
    text_score: dbNumber.nullable(),
    score: dbNumber,
    created_at: dbDate,
  })
  .transform(
    (r): MemorySearchResult => ({
      id: r.id,
      content: r.content,
      type: r.type,
      importance: r.importance,
      confidence: r.confidence,
      vectorScore: r.vector_score,
      textScore: r.text_score,
      score: r.score,
      createdAt: r.created_at,
    }),
  );

/**
 * Lets a user-filtered HNSW scan keep walking the graph until it has enough of this user's
 * rows (pgvector 0.8 iterative scan); without it the index returns ef_search global
 * neighbours and the filter may leave few or none. Transaction-local.
 */
export async function enableIterativeScan(db: SqlClient): Promise<void> {
  await db.$executeRaw`SELECT set_config('hnsw.iterative_scan', 'relaxed_order', true)`;
}

/**
 * Vector (cosine, HNSW) and full-text (tsvector, OR of the query's lexemes) rankings of the
 * user's active memories, each cut to `candidates`, fused with RRF. Run it after
 * lockUserMemoryWrites or another set_config of hnsw.iterative_scan in the same transaction,
 * so a filtered HNSW scan still returns this user's nearest rows.
 */
export async function selectHybridSearch(
  db: SqlClient,
  q: { userId: string; embedding: number[]; query: string; limit: number; candidates: number; types?: MemoryType[] },
): Promise<MemorySearchResult[]> {
  const v = toVectorLiteral(q.embedding);
  const types = toCsvParam(q.types ?? []);
  const rows = await db.$queryRaw<unknown[]>`
    WITH vec AS (
      SELECT id, distance, row_number() OVER (ORDER BY distance) AS r FROM (
        SELECT id, embedding <=> ${v}::vector AS distance
        FROM memory_items
        WHERE user_id = ${q.userId}::uuid AND status = 'active' AND embedding IS NOT NULL
          AND (${types} = '' OR type = ANY(string_to_array(${types}, ',')))
        ORDER BY embedding <=> ${v}::vector
        LIMIT ${q.candidates}::int
      ) nearest
    ),
    tsq AS (
      -- plainto_tsquery ANDs the lexemes; a paraphrase shares only some words, so OR them.
      SELECT replace(plainto_tsquery('english', ${q.query})::text, '&', '|')::tsquery AS query
    ),
    fts AS (
      SELECT id, rank, row_number() OVER (ORDER BY rank DESC, created_at DESC) AS r FROM (
        SELECT m.id, m.created_at, ts_rank_cd(m.search_vector, tsq.query) AS rank
        FROM memory_items m, tsq
        WHERE m.user_id = ${q.userId}::uuid AND m.status = 'active' AND m.search_vector @@ tsq.query
          AND (${types} = '' OR m.type = ANY(string_to_array(${types}, ',')))
        ORDER BY rank DESC
        LIMIT ${q.candidates}::int
      ) matched
    )
    SELECT m.id::text, m.content, m.type, m.importance, m.confidence,
           (1 - vec.distance)::float8 AS vector_score,
           fts.rank::float8 AS text_score,
           (COALESCE(1.0 / (${RRF_K} + vec.r), 0) + COALESCE(1.0 / (${RRF_K} + fts.r), 0))::float8 AS score,
           m.created_at
    FROM vec
    FULL OUTER JOIN fts ON fts.id = vec.id
    JOIN memory_items m ON m.id = COALESCE(vec.id, fts.id)
    WHERE m.user_id = ${q.userId}::uuid AND m.status = 'active'
    ORDER BY score DESC, m.created_at DESC
    LIMIT ${q.limit}::int`;
  return z.array(SearchRowSchema).parse(rows);
}

/** With no query: the user's most important, then most recent, active memories. */
export async function selectTopActiveMemories(
  db: SqlClient,
  q: { userId: string; limit: number; types?: MemoryType[] },
): Promise<MemorySearchResult[]> {
  const types = toCsvParam(q.types ?? []);
  const rows = await db.$queryRaw<unknown[]>`
    SELECT id::text, content, type, importance, confidence,
           NULL::float8 AS vector_score, NULL::float8 AS text_score, importance::float8 AS score, created_at
    FROM memory_items
    WHERE user_id = ${q.userId}::uuid AND status = 'active'
      AND (${types} = '' OR type = ANY(string_to_array(${types}, ',')))
    ORDER BY importance DESC, created_at DESC
    LIMIT ${q.limit}::int`;
  return z.array(SearchRowSchema).parse(rows);
}
