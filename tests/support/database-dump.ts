import { getDb } from "@/lib/db/client";

/**
 * Every row of every table in the public schema whose JSON text (row_to_json) contains the
 * needle, case-insensitively, as "table: row". Not limited to one user: the needles tests pass
 * are random per run, so any hit anywhere is a copy left behind.
 */
export async function findInDatabase(needle: string): Promise<string[]> {
  const tables = await getDb().$queryRaw<{ table_name: string }[]>`
    SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
  const hits: string[] = [];
  for (const { table_name } of tables) {
    const quoted = `"${table_name.replaceAll('"', '""')}"`;
    const rows = await getDb().$queryRawUnsafe<{ t: string }[]>(
      `SELECT row_to_json(x)::text AS t FROM ${quoted} x WHERE row_to_json(x)::text ILIKE '%' || $1 || '%'`,
      needle,
    );
    hits.push(...rows.map((r) => `${table_name}: ${r.t.slice(0, 300)}`));
  }
  return hits;
}
