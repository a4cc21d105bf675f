import "server-only";
import { z } from "zod";
import { MemoryStatusSchema, MemoryTypeSchema } from "@/lib/db/enums";
import { type SqlClient } from "@/lib/db/sql-client";

// Keyset scans over every table that stores free text, for the scrub command
// (scripts/scrub-stored-content.ts). These are the one place that reads across all users on
// purpose, like the worker's claims: an operator's maintenance pass, never a request path.
// Each scan returns rows with id > afterId, in id order, `limit` at a time; userId narrows it to
// one account (null: every account).

const ItemRow = z.object({ id: z.string(), user_id: z.string(), content: z.string(), type: MemoryTypeSchema, status: MemoryStatusSchema });
export async function scanMemoryItems(db: SqlClient, q: { afterId: string; limit: number; userId: string | null }) {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT id::text, user_id::text, content, type, status FROM memory_items
    WHERE id > ${q.afterId}::uuid AND (${q.userId}::uuid IS NULL OR user_id = ${q.userId}::uuid)
    ORDER BY id LIMIT ${q.limit}::int`;
  return z.array(ItemRow).parse(rows);
}

const EventRow = z.object({ id: z.string(), before_content: z.string().nullable(), after_content: z.string().nullable() });
export async function scanMemoryEventTexts(db: SqlClient, q: { afterId: string; limit: number; userId: string | null }) {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT id::text, before_content, after_content FROM memory_write_events
    WHERE id > ${q.afterId}::uuid AND (before_content IS NOT NULL OR after_content IS NOT NULL)
      AND (${q.userId}::uuid IS NULL OR user_id = ${q.userId}::uuid)
    ORDER BY id LIMIT ${q.limit}::int`;
  return z.array(EventRow).parse(rows);
}

export async function updateMemoryEventTexts(db: SqlClient, q: { id: string; before: string | null; after: string | null }) {
  await db.$executeRaw`UPDATE memory_write_events SET before_content = ${q.before}, after_content = ${q.after} WHERE id = ${q.id}::uuid`;
}

const JsonRow = z.object({ id: z.string(), value: z.unknown(), extra: z.unknown().nullable() });
export async function scanMessageParts(db: SqlClient, q: { afterId: string; limit: number; userId: string | null }) {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT id::text, parts AS value, NULL::jsonb AS extra FROM messages WHERE id > ${q.afterId}::uuid AND (${q.userId}::uuid IS NULL OR user_id = ${q.userId}::uuid) ORDER BY id LIMIT ${q.limit}::int`;
  return z.array(JsonRow).parse(rows);
}

export async function updateMessageParts(db: SqlClient, q: { id: string; parts: unknown }) {
  await db.$executeRaw`UPDATE messages SET parts = ${JSON.stringify(q.parts)}::jsonb WHERE id = ${q.id}::uuid`;
}

export async function scanJobPayloads(db: SqlClient, q: { afterId: string; limit: number; userId: string | null }) {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT id::text, payload AS value, result AS extra FROM memory_write_jobs WHERE id > ${q.afterId}::uuid AND (${q.userId}::uuid IS NULL OR user_id = ${q.userId}::uuid) ORDER BY id LIMIT ${q.limit}::int`;
  return z.array(JsonRow).parse(rows);
}

export async function updateJobPayload(db: SqlClient, q: { id: string; payload: unknown; result: unknown }) {
  await db.$executeRaw`
    UPDATE memory_write_jobs SET payload = ${JSON.stringify(q.payload)}::jsonb,
      result = ${q.result === null ? null : JSON.stringify(q.result)}::jsonb
    WHERE id = ${q.id}::uuid`;
}

const TitleRow = z.object({ id: z.string(), title: z.string() });
export async function scanConversationTitles(db: SqlClient, q: { afterId: string; limit: number; userId: string | null }) {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT id::text, title FROM conversations WHERE id > ${q.afterId}::uuid AND (${q.userId}::uuid IS NULL OR user_id = ${q.userId}::uuid) ORDER BY id LIMIT ${q.limit}::int`;
  return z.array(TitleRow).parse(rows);
}

export async function updateConversationTitle(db: SqlClient, q: { id: string; title: string }) {
  await db.$executeRaw`UPDATE conversations SET title = ${q.title} WHERE id = ${q.id}::uuid`;
}
