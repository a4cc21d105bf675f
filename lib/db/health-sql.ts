import "server-only";
import type { SqlClient } from "@/lib/db/sql-client";

/** The cheapest round trip that proves the database answers queries (not just accepts connections). */
export async function pingDatabase(db: SqlClient): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}
