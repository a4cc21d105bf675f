import "server-only";
import { z } from "zod";
import { dbNumber, toCsvParam, type SqlClient } from "@/lib/db/sql-client";

// SQL over memory_recalls for erasure: the rows go with their memory (ON DELETE CASCADE); this
// only counts them for the receipt.

/** How many recall rows of the user name these memories. */
export async function countRecallsOfMemories(db: SqlClient, q: { userId: string; memoryIds: string[] }): Promise<number> {
  if (q.memoryIds.length === 0) return 0;
  const rows = await db.$queryRaw<unknown[]>`
    SELECT count(*) AS n FROM memory_recalls
    WHERE user_id = ${q.userId}::uuid AND memory_id = ANY(string_to_array(${toCsvParam(q.memoryIds)}, ',')::uuid[])`;
  return z.object({ n: dbNumber }).parse(rows[0]).n;
}
