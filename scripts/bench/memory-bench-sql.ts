import "server-only";
import { z } from "zod";
import { toVectorLiteral, vectorOrderKey, type EmbeddingSpace, type SqlClient } from "@/lib/db/sql-client";
import type { MemoryType } from "@/lib/db/enums";

// SQL used only by scripts/bench/bench-memory.ts: bulk seeding and plan inspection.

export type BenchMemoryRow = { id: string; userId: string; content: string; type: MemoryType; embedding: number[]; importance: number };

/** Inserts many active memories of one embedding space in one statement (rows travel as one JSON parameter). */
export async function insertBenchMemories(db: SqlClient, rows: BenchMemoryRow[], space: EmbeddingSpace): Promise<number> {
  const json = JSON.stringify(
    rows.map((r) => ({ id: r.id, user_id: r.userId, content: r.content, type: r.type, embedding: toVectorLiteral(r.embedding), importance: r.importance })),
  );
  return db.$executeRaw`
    INSERT INTO memory_items (id, user_id, content, type, embedding, embedding_model, importance, confidence, status, created_at, updated_at)
    SELECT r.id, r.user_id, r.content, r.type, r.embedding::vector, ${space.model}, r.importance, 0.8, 'active', now(), now()
    FROM jsonb_to_recordset(${json}::jsonb) AS r(id uuid, user_id uuid, content text, type text, embedding text, importance float8)`;
}

/**
 * Lets the database settle after a bulk load so timings measure steady state: VACUUM ANALYZE
 * (visibility map, planner statistics) and a CHECKPOINT (otherwise the first minutes of
 * measurement share the disk with flushing the load's dirty pages).
 */
export async function settleMemoryItems(db: SqlClient): Promise<void> {
  await db.$executeRaw`VACUUM (ANALYZE) memory_items`;
  await db.$executeRaw`CHECKPOINT`;
}

/**
 * The plan PostgreSQL picks for the user-filtered vector arm of hybridSearch (one line per
 * node): exact (as hybridSearch runs it for most users) or through HNSW, with or without
 * pgvector's iterative scan. Pass a transaction client: the setting is
 * transaction-local.
 */
export async function explainVectorArm(
  db: SqlClient,
  q: { userId: string; embedding: number[]; space: EmbeddingSpace; iterativeScan: boolean; exact: boolean },
): Promise<string[]> {
  const v = toVectorLiteral(q.embedding);
  await db.$executeRaw`SELECT set_config('hnsw.iterative_scan', ${q.iterativeScan ? "relaxed_order" : "off"}, true)`;
  const rows = await db.$queryRaw<unknown[]>`
    EXPLAIN (ANALYZE, COSTS OFF)
    SELECT id FROM memory_items
    WHERE user_id = ${q.userId}::uuid AND status = 'active' AND embedding_model = ${q.space.model} AND embedding IS NOT NULL
    ORDER BY ${vectorOrderKey(v, q.exact, q.space.dimensions)} LIMIT 40`;
  return z.array(z.object({ "QUERY PLAN": z.string() })).parse(rows).map((r) => r["QUERY PLAN"]);
}
