import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SqlClient } from "@/lib/db/sql-client";

// SQL deleting one user's rows for account deletion, table by table and in batches, so no
// statement holds a long lock or a huge transaction; each batch is idempotent. What cascades
// from each table (messages and recalls from conversations, recalls from memories) goes with it.

/** The tables an account deletion empties before the user row itself, in order. */
export const USER_TABLES = ["memory_write_jobs", "memory_items", "memory_write_events", "conversations"] as const;
export type UserTable = (typeof USER_TABLES)[number];

/** Deletes up to `limit` of the user's rows from one table; the row count (0: none left). */
export async function deleteUserRowsBatch(db: SqlClient, q: { table: UserTable; userId: string; limit: number }): Promise<number> {
  // The table name comes from the closed list above, never from input.
  const table = Prisma.raw(`"${USER_TABLES.find((t) => t === q.table)!}"`);
  return db.$executeRaw`
    DELETE FROM ${table}
    WHERE id IN (SELECT id FROM ${table} WHERE user_id = ${q.userId}::uuid LIMIT ${q.limit}::int)`;
}
