import "server-only";
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
 * Up to this many active memories, a user's vector ranking is computed exactly (their rows via
 * the (user_id, status) index, every distance, top-N sort) instead of through HNSW. Measured on
 * 105k rows with a 5,200-memory user: HNSW with iterative scan 37 ms (8,300 buffers: the index
 * is larger than shared_buffers and the filter keeps 5% of what it walks), exact 6.8 ms, with
 * perfect recall. The planner picks HNSW there on its own, so the choice is made here.
 */
export const EXACT_VECTOR_SCAN_MAX_ROWS = 10_000;

/**
 * The ORDER BY key of a vector ranking: the bare distance lets the planner use the HNSW index;
 * "+ 0" hides the operator from it and forces the exact scan.
 */
export function vectorOrderKey(vectorLiteral: string, exact: boolean): Prisma.Sql {
  return exact
    ? Prisma.sql`(embedding <=> ${vectorLiteral}::vector) + 0`
    : Prisma.sql`embedding <=> ${vectorLiteral}::vector`;
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
