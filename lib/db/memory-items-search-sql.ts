import "server-only";
import { z } from "zod";
import {
  dbDate,
  dbNumber,
  chooseExactVectorScan,
  EXACT_VECTOR_SCAN,
  isUsableVector,
  toCsvParam,
  toVectorLiteral,
  vectorOrderKey,
  type SqlClient,
} from "@/lib/db/sql-client";
import { MemoryTypeSchema, type MemoryType } from "@/lib/db/enums";

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
    (r) => ({
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

/** A search hit as the domain sees it (MemorySearchResult has the same shape). */
export type MemorySearchRecord = z.output<typeof SearchRowSchema>;

/**
 * Prepares this transaction for a vector ranking of one user's memories and says which kind to
 * run (chooseExactVectorScan). For the HNSW kind it enables pgvector 0.8's iterative scan
 * (transaction-local), so the user filter cannot starve the index scan: it keeps walking the
 * graph instead of returning ef_search global neighbours minus other users'. The user's count
 * stops one past the largest exact size; the table size is the planner's estimate.
 */
export async function prepareVectorScan(db: SqlClient, q: { userId: string }): Promise<{ exact: boolean }> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT set_config('hnsw.iterative_scan', 'relaxed_order', true) AS iterative_scan,
           (SELECT count(*)::int FROM (
              SELECT 1 FROM memory_items
              WHERE user_id = ${q.userId}::uuid AND status = 'active'
              LIMIT ${EXACT_VECTOR_SCAN.maxRows + 1}::int
            ) capped) AS user_rows,
           (SELECT reltuples::float8 FROM pg_class WHERE oid = 'memory_items'::regclass) AS table_rows`;
  const r = z.object({ user_rows: dbNumber, table_rows: dbNumber.nullable() }).parse(rows[0]);
  return { exact: chooseExactVectorScan({ userRows: r.user_rows, tableRows: r.table_rows ?? 0 }) };
}

/**
 * Vector (cosine, HNSW) and full-text (tsvector, OR of the query's lexemes) rankings of the
 * user's active memories, each cut to `candidates`, fused with RRF. Run it in the transaction
 * where prepareVectorScan chose `exact`.
 */
export async function selectHybridSearch(
  db: SqlClient,
  q: {
    userId: string;
    embedding: number[];
    query: string;
    limit: number;
    candidates: number;
    types?: MemoryType[];
    /** exact vector ranking instead of HNSW, as prepareVectorScan chose (chooseExactVectorScan) */
    exact: boolean;
  },
): Promise<MemorySearchRecord[]> {
  const useVector = isUsableVector(q.embedding);
  const v = toVectorLiteral(useVector ? q.embedding : q.embedding.map((_, i) => (i === 0 ? 1 : 0)));
  const types = toCsvParam(q.types ?? []);
  const rows = await db.$queryRaw<unknown[]>`
    WITH vec AS (
      SELECT id, distance, row_number() OVER (ORDER BY distance) AS r FROM (
        SELECT id, embedding <=> ${v}::vector AS distance
        FROM memory_items
        WHERE user_id = ${q.userId}::uuid AND status = 'active' AND embedding IS NOT NULL AND ${useVector}::boolean
          AND (${types} = '' OR type = ANY(string_to_array(${types}, ',')))
        ORDER BY ${vectorOrderKey(v, q.exact)}
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
): Promise<MemorySearchRecord[]> {
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
