import "server-only";
import { z } from "zod";
import type { SqlClient } from "@/lib/db/sql-client";

// SQL used only by scripts/bench/bench-recall.ts: the BM25 baseline's tokens, taken from
// PostgreSQL's own English analyser (Snowball stemmer and stopwords), the one full-text search
// uses, so the baseline and the app's full-text arm see the same terms.

/** The stored memories' lexemes with their counts (from the generated search_vector), per memory id. */
export async function selectMemoryLexemes(db: SqlClient, q: { userId: string }): Promise<Map<string, string[]>> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT m.id::text AS id, t.lexeme, coalesce(array_length(t.positions, 1), 1)::int AS n
    FROM memory_items m, unnest(m.search_vector) AS t
    WHERE m.user_id = ${q.userId}::uuid AND m.status = 'active'`;
  const out = new Map<string, string[]>();
  for (const r of z.array(z.object({ id: z.string(), lexeme: z.string(), n: z.number() })).parse(rows)) {
    const list = out.get(r.id) ?? [];
    for (let i = 0; i < r.n; i++) list.push(r.lexeme);
    out.set(r.id, list);
  }
  return out;
}

/** A text's lexemes under the same analyser, with repeats. */
export async function selectTextLexemes(db: SqlClient, q: { text: string }): Promise<string[]> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT t.lexeme, coalesce(array_length(t.positions, 1), 1)::int AS n FROM unnest(to_tsvector('english', ${q.text})) AS t`;
  return z
    .array(z.object({ lexeme: z.string(), n: z.number() }))
    .parse(rows)
    .flatMap((r) => new Array<string>(r.n).fill(r.lexeme));
}
