import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";

/** What the memory SQL needs: the client or an interactive transaction's client. */
export type SqlClient = Pick<Prisma.TransactionClient, "$queryRaw" | "$executeRaw">;

/** pgvector's text form. Six decimals is beyond float4's precision and keeps the literal short. */
export function toVectorLiteral(vector: number[]): string {
  return `[${vector.map((v) => (Number.isFinite(v) ? v.toFixed(6) : "0")).join(",")}]`;
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
