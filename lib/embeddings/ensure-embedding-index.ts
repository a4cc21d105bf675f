import "server-only";
import { getDb, type Db } from "@/lib/db/client";
import { createEmbeddingIndex, selectEmbeddingIndexExists } from "@/lib/db/memory-items-embedding-sql";
import { embeddingIndexName, HNSW_MAX_DIMENSIONS, type EmbeddingSpace } from "@/lib/db/sql-client";
import { getEmbeddingSpace } from "@/lib/embeddings/embedding-space";

export type EnsureEmbeddingIndexResult = { name: string; state: "present" | "built" | "not-indexable"; ms: number };

/**
 * Makes sure the space's partial HNSW index exists (idempotent): `CREATE INDEX … USING hnsw
 * ((embedding::vector(N)) vector_cosine_ops) WHERE embedding_model = '<model>'`, named
 * memory_items_embedding_<hash>_idx. Called by scripts/migrate.ts after the migrations, by
 * memories:reembed and at server start. Building it locks writes to memory_items until it is
 * done; a new space's index starts empty (its rows arrive by re-embedding), so that is quick.
 * Spaces wider than pgvector's HNSW limit (2,000) are searched exactly and get no index.
 */
export async function ensureEmbeddingIndex(options: { db?: Db; space?: EmbeddingSpace } = {}): Promise<EnsureEmbeddingIndexResult> {
  const db = options.db ?? getDb();
  const space = options.space ?? getEmbeddingSpace();
  const name = embeddingIndexName(space.model);
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  if (space.dimensions > HNSW_MAX_DIMENSIONS) return { name, state: "not-indexable", ms: ms() };
  if (await selectEmbeddingIndexExists(db, space)) return { name, state: "present", ms: ms() };
  const built = await db.$transaction((tx) => createEmbeddingIndex(tx, space), { timeout: 30 * 60_000, maxWait: 60_000 });
  return { name, state: built ? "built" : "present", ms: ms() };
}
