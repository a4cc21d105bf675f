import "server-only";
import { z } from "zod";
import { toCsvParam, type SqlClient } from "@/lib/db/sql-client";

// SQL over memory_write_jobs for erasure: the outbox rows that carry an erased memory (its id
// in the payload or result, or its text in either) are deleted, whatever their state. A job a
// worker is running then reads as done when its transaction locks the row, and rolls back.

const JobRowSchema = z.object({ id: z.string(), conversation_id: z.string().nullable(), payload: z.unknown(), result: z.unknown().nullable() });
export type ErasureJobRow = z.infer<typeof JobRowSchema>;

/**
 * The user's jobs that name one of these memories (as the memory made, the one duplicated,
 * proposed, superseded or deleted) or whose payload or result text matches a pattern
 * (`patterns`: JSON array of ILIKE patterns over the JSON text).
 */
export async function selectJobsToErase(db: SqlClient, q: { userId: string; ids: string[]; patterns: string }): Promise<ErasureJobRow[]> {
  const ids = toCsvParam(q.ids);
  const rows = await db.$queryRaw<unknown[]>`
    SELECT id::text, conversation_id::text, payload, result FROM memory_write_jobs j
    WHERE user_id = ${q.userId}::uuid
      AND (
        j.result->>'memoryId' = ANY(string_to_array(${ids}, ','))
        OR j.result->>'duplicateOf' = ANY(string_to_array(${ids}, ','))
        OR j.result->>'proposalId' = ANY(string_to_array(${ids}, ','))
        OR j.payload->>'oldId' = ANY(string_to_array(${ids}, ','))
        OR EXISTS (
          SELECT 1 FROM jsonb_array_elements_text(
            CASE WHEN jsonb_typeof(j.payload->'memoryIds') = 'array' THEN j.payload->'memoryIds' ELSE '[]'::jsonb END
          ) named(id)
          WHERE named.id = ANY(string_to_array(${ids}, ','))
        )
        OR j.payload::text ILIKE ANY(ARRAY(SELECT jsonb_array_elements_text(${q.patterns}::jsonb)))
        OR j.result::text ILIKE ANY(ARRAY(SELECT jsonb_array_elements_text(${q.patterns}::jsonb)))
      )`;
  return z.array(JobRowSchema).parse(rows);
}

/** Deletes the user's jobs with these ids; the row count. */
export async function deleteJobsForGood(db: SqlClient, q: { userId: string; ids: string[] }): Promise<number> {
  if (q.ids.length === 0) return 0;
  return db.$executeRaw`
    DELETE FROM memory_write_jobs
    WHERE user_id = ${q.userId}::uuid AND id = ANY(string_to_array(${toCsvParam(q.ids)}, ',')::uuid[])`;
}

/** Deletes every job of the user (erasing all memories: their payloads and results hold memory text); the row count. */
export async function deleteAllJobsOfUser(db: SqlClient, q: { userId: string }): Promise<number> {
  return db.$executeRaw`DELETE FROM memory_write_jobs WHERE user_id = ${q.userId}::uuid`;
}
