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
