import "server-only";
import { z } from "zod";
import {
  dbDate,
  dbNumber,
  chooseExactVectorScan,
  embeddingIndexName,
  EXACT_VECTOR_SCAN,
  HNSW_MAX_DIMENSIONS,
  isUsableVector,
  parseEmbeddingSpace,
  toCsvParam,
  toVectorLiteral,
  vectorDistance,
  vectorOrderKey,
  type Embedding,
  type EmbeddingSpace,
  type SqlClient,
} from "@/lib/db/sql-client";
import { MemoryTypeSchema, type MemoryType } from "@/lib/db/enums";

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
 * Prepares this transaction for a vector ranking of one user's memories in one embedding space
 * and says which kind to run (chooseExactVectorScan). For the HNSW kind it enables pgvector
 * 0.8's iterative scan (transaction-local), so the user filter cannot starve the index scan: it
 * keeps walking the graph instead of returning ef_search global neighbours minus other users'.
 * The user's count (all their active memories: an exact scan reads them all, whatever their
 * space; an index-only scan) stops one past the largest exact size. The space's size is its
 * partial index's row estimate (the table's while the index has never been counted); without an
 * index the scan is exact.
 */
export async function prepareVectorScan(db: SqlClient, q: { userId: string; space: EmbeddingSpace }): Promise<{ exact: boolean }> {
  const { model } = parseEmbeddingSpace(q.space);
  const rows = await db.$queryRaw<unknown[]>`
    SELECT set_config('hnsw.iterative_scan', 'relaxed_order', true) AS iterative_scan,
           (SELECT count(*)::int FROM (
              SELECT 1 FROM memory_items
              WHERE user_id = ${q.userId}::uuid AND status = 'active'
              LIMIT ${EXACT_VECTOR_SCAN.maxRows + 1}::int
            ) capped) AS user_rows,
           (SELECT reltuples::float8 FROM pg_class WHERE oid = to_regclass(${embeddingIndexName(model)})) AS index_rows,
           (SELECT reltuples::float8 FROM pg_class WHERE oid = 'memory_items'::regclass) AS table_rows`;
  const r = z.object({ user_rows: dbNumber, index_rows: dbNumber.nullable(), table_rows: dbNumber.nullable() }).parse(rows[0]);
  if (r.index_rows === null || q.space.dimensions > HNSW_MAX_DIMENSIONS) return { exact: true };
  const spaceRows = r.index_rows > 0 ? r.index_rows : (r.table_rows ?? 0);
  return { exact: chooseExactVectorScan({ userRows: r.user_rows, tableRows: spaceRows }) };
}

/**
 * How the two arms are mixed: score = TEXT_WEIGHT · bm25 / (best bm25 among the candidates) +
 * (1 - TEXT_WEIGHT) · cosine. Measured with `npm run bench:recall` on recall_dev (questions
 * that share few words with their answer: the vector arm carries them) and LoCoMo (dialog turns
 * asked about in their own words: BM25 carries them); reciprocal-rank fusion at k = 60 fell
 * below BM25 alone there (a weak arm's ranks count as much as a strong one's), and this mix is
 * at or above the better arm on both.
 */
const TEXT_WEIGHT = 0.5;
// Okapi BM25's usual constants (term saturation, length normalisation).
const BM25_K1 = 1.2;
const BM25_B = 0.75;
const BM25_MAX_CORPUS = 10_000;

/**
 * Only memories that count now take part: active and not past their expiry (the sweep marks
 * them expired within a minute; until then these filters already leave them out).
 *
 * Vector (cosine; HNSW or exact) and full-text (Okapi BM25 over the user's active memories:
 * PostgreSQL's English stemming and stopwords, any query term may match) rankings of the user's
 * active memories, each cut to `candidates`, then mixed by score (TEXT_WEIGHT). Run it in the
 * transaction where prepareVectorScan chose `exact`.
 */
export async function selectHybridSearch(
  db: SqlClient,
  q: {
    userId: string;
    /** the query's vector; only memories of its space (embedding_model) are ranked by it */
    embedding: Embedding;
    query: string;
    limit: number;
    candidates: number;
    types?: MemoryType[];
    /** exact vector ranking instead of HNSW, as prepareVectorScan chose (chooseExactVectorScan) */
    exact: boolean;
  },
): Promise<MemorySearchRecord[]> {
  const { model, dimensions } = parseEmbeddingSpace({ model: q.embedding.model, dimensions: q.embedding.vector.length });
  const useVector = isUsableVector(q.embedding.vector);
  const v = toVectorLiteral(useVector ? q.embedding.vector : q.embedding.vector.map((_, i) => (i === 0 ? 1 : 0)));
  const types = toCsvParam(q.types ?? []);
  const rows = await db.$queryRaw<unknown[]>`
    WITH vec AS (
      SELECT id, ${vectorDistance(v, q.exact, dimensions)} AS distance
      FROM memory_items
      WHERE user_id = ${q.userId}::uuid AND status = 'active' AND embedding_model = ${model}
        AND (expires_at IS NULL OR expires_at > now())
        AND embedding IS NOT NULL AND ${useVector}::boolean
        AND (${types} = '' OR type = ANY(string_to_array(${types}, ',')))
      ORDER BY ${vectorOrderKey(v, q.exact, dimensions)}
      LIMIT ${q.candidates}::int
    ),
    tf AS (
      -- the query's terms in each of the user's memories that has one (any term: OR, not AND),
      -- with how many of those memories hold the term (its document frequency)
      SELECT m.id, length(m.search_vector) AS len, coalesce(array_length(t.positions, 1), 1) AS f,
             count(*) OVER (PARTITION BY t.lexeme) AS df
      FROM memory_items m, unnest(m.search_vector) AS t
      WHERE m.user_id = ${q.userId}::uuid AND m.status = 'active' AND (m.expires_at IS NULL OR m.expires_at > now())
        AND m.search_vector @@ replace(plainto_tsquery('english', ${q.query})::text, '&', '|')::tsquery
        AND (${types} = '' OR m.type = ANY(string_to_array(${types}, ',')))
        AND t.lexeme = ANY(tsvector_to_array(to_tsvector('english', ${q.query})))
    ),
    corpus AS (
      -- idf needs the user's memory count (capped: past that, idf barely moves, and the count is
      -- an index-only scan); length normalisation uses the matching memories' average length
      -- rather than every memory's, so no pass over all of the user's rows is needed
      SELECT (SELECT count(*) FROM (
                SELECT 1 FROM memory_items WHERE user_id = ${q.userId}::uuid AND status = 'active' LIMIT ${BM25_MAX_CORPUS}::int
              ) capped)::float8 AS n,
             (SELECT greatest(avg(len), 1) FROM (SELECT DISTINCT id, len FROM tf) docs)::float8 AS avg_len
    ),
    fts AS (
      SELECT id, rank, max(rank) OVER () AS best FROM (
        SELECT tf.id, sum(
                 ln(1 + (c.n - tf.df + 0.5) / (tf.df + 0.5))
                 * tf.f * (${BM25_K1}::float8 + 1) / (tf.f + ${BM25_K1}::float8 * (1 - ${BM25_B}::float8 + ${BM25_B}::float8 * tf.len / c.avg_len))
               )::float8 AS rank
        FROM tf, corpus c
        GROUP BY tf.id
        ORDER BY rank DESC
        LIMIT ${q.candidates}::int
      ) ranked
    ),
    hit AS (
      -- a memory found by one arm only still gets the other arm's score: its cosine is computed here
      SELECT m.id, m.content, m.type, m.importance, m.confidence, m.created_at, fts.rank, fts.best,
             CASE WHEN ${useVector}::boolean AND m.embedding_model = ${model} AND m.embedding IS NOT NULL
                  THEN COALESCE(vec.distance, ${vectorDistance(v, true, dimensions, "m.embedding")}) END AS distance
      FROM vec FULL JOIN fts ON fts.id = vec.id
      JOIN memory_items m ON m.id = COALESCE(vec.id, fts.id)
      WHERE m.user_id = ${q.userId}::uuid AND m.status = 'active' AND (m.expires_at IS NULL OR m.expires_at > now())
    )
    SELECT id::text, content, type, importance, confidence,
           (1 - distance)::float8 AS vector_score,
           rank AS text_score,
           (${TEXT_WEIGHT}::float8 * COALESCE(rank / greatest(best, 1e-9), 0)
             + (1 - ${TEXT_WEIGHT}::float8) * greatest(1 - COALESCE(distance, 1), 0))::float8 AS score,
           created_at
    FROM hit
    ORDER BY score DESC, created_at DESC
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
    WHERE user_id = ${q.userId}::uuid AND status = 'active' AND (expires_at IS NULL OR expires_at > now())
      AND (${types} = '' OR type = ANY(string_to_array(${types}, ',')))
    ORDER BY importance DESC, created_at DESC
    LIMIT ${q.limit}::int`;
  return z.array(SearchRowSchema).parse(rows);
}
