import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";

/** What the memory SQL needs: the client or an interactive transaction's client. */
export type SqlClient = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

/** pgvector's text form. Six decimals is beyond float4's precision and keeps the literal short. */
export function toVectorLiteral(vector: number[]): string {
  return `[${vector.map((v) => (Number.isFinite(v) ? v.toFixed(6) : "0")).join(",")}]`;
}

/**
 * A zero vector has no direction: cosine distance to it is NaN. Such texts (no letters or
 * digits) are stored without an embedding and searched by full text only.
 */
export function isUsableVector(vector: number[] | null | undefined): vector is number[] {
  return !!vector && vector.some((v) => v !== 0);
}

/**
 * When a user's vector ranking is computed exactly (their rows via the (user_id, status) index,
 * every distance, top-N sort) rather than through HNSW. What matters is the user's share of the
 * table: HNSW walks the global graph and filters, so a small share makes it visit many rows per
 * useful one. Measured (bench:memory, 2 cores): a 5.2k-memory user in 105k rows (5%): HNSW with
 * iterative scan 22-37 ms, exact 5-7 ms; a 5k-memory user in 15k rows (33%): HNSW 2.8 ms, exact
 * 22 ms (a sequential scan). Exact also has perfect recall. The planner does not weigh this,
 * so the choice is made here.
 */
export const EXACT_VECTOR_SCAN = { alwaysUpTo: 2_000, maxRows: 10_000, maxShareOfTable: 0.1 } as const;

export function chooseExactVectorScan(options: { userRows: number; tableRows: number }): boolean {
  const { userRows } = options;
  const tableRows = Math.max(options.tableRows, userRows, 1);
  if (userRows <= EXACT_VECTOR_SCAN.alwaysUpTo) return true;
  return userRows <= EXACT_VECTOR_SCAN.maxRows && userRows / tableRows < EXACT_VECTOR_SCAN.maxShareOfTable;
}

/** A vector and the embedding space it belongs to: `model` names model, version and size ("local/mnemo-blend-v1@384"). */
export type Embedding = { vector: number[]; model: string };

/**
 * One embedding model's vectors. Rows record theirs in memory_items.embedding_model; vectors of
 * different spaces are never compared (search and dedup filter on the model), and each space
 * has its own partial HNSW index on `embedding::vector(dimensions)` (embeddingIndexSql).
 */
export type EmbeddingSpace = { model: string; dimensions: number };

/** pgvector's HNSW limit for the vector type: larger spaces are searched exactly. */
export const HNSW_MAX_DIMENSIONS = 2000;

const ModelIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,119}$/, "an embedding model id is 1-120 of A-Z a-z 0-9 . _ : / @ + -");
const DimensionsSchema = z.number().int().min(1).max(16_000);

/** Checks a space before any of it is spliced into SQL text (the dimension) or an index predicate (the model). */
export function parseEmbeddingSpace(space: EmbeddingSpace): EmbeddingSpace {
  return { model: ModelIdSchema.parse(space.model), dimensions: DimensionsSchema.parse(space.dimensions) };
}

/** `vector(N)`: N is a validated integer, the only part of a vector query that is not a parameter. */
export function vectorType(dimensions: number): Prisma.Sql {
  return Prisma.raw(`vector(${DimensionsSchema.parse(dimensions)})`);
}

/** The name of a space's partial HNSW index: memory_items_embedding_<first 10 hex of sha256(model)>_idx. */
export function embeddingIndexName(model: string): string {
  return `memory_items_embedding_${createHash("sha256").update(ModelIdSchema.parse(model)).digest("hex").slice(0, 10)}_idx`;
}

/**
 * The cosine distance of `column` to the vector. Through HNSW it must be the index's expression
 * (`embedding::vector(N)`); an exact ranking skips the cast, which costs a copy per row. Only
 * apply it to rows of one space (the query's WHERE holds `embedding_model = <model>`).
 */
export function vectorDistance(vectorLiteral: string, exact: boolean, dimensions: number, column: "embedding" | "m.embedding" = "embedding"): Prisma.Sql {
  const type = vectorType(dimensions);
  const col = Prisma.raw(column);
  return exact ? Prisma.sql`${col} <=> ${vectorLiteral}::vector` : Prisma.sql`${col}::${type} <=> ${vectorLiteral}::${type}`;
}

/**
 * The ORDER BY key of a vector ranking, in the expression the space's partial HNSW index is
 * built on (`embedding::vector(N)`), so the planner can use it; "+ 0" hides the operator from
 * the planner and forces the exact scan. The query's WHERE must hold `embedding_model = <model>`
 * (the index predicate) for the index to qualify; that filter also keeps the cast from ever
 * meeting a vector of another size.
 */
export function vectorOrderKey(vectorLiteral: string, exact: boolean, dimensions: number): Prisma.Sql {
  const distance = vectorDistance(vectorLiteral, exact, dimensions);
  return exact ? Prisma.sql`(${distance}) + 0` : distance;
}

/**
 * Lists travel as one comma-joined text parameter split in SQL: it behaves the same through
 * the pg and PGlite adapters. Only ever called with zod-validated uuids or enum values.
 */
export function toCsvParam(values: readonly string[]): string {
  return values.join(",");
}

// Raw rows arrive with driver-dependent scalar types (bigint or string, Date or string).
export const bigintAsString = z.union([z.bigint(), z.number(), z.string()]).transform((v) => String(v));
export const dbNumber = z.union([z.number(), z.string(), z.bigint()]).transform(Number);
export const dbDate = z.coerce.date();
