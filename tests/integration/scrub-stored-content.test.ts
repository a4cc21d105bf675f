import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { scrubStoredContent } from "@/lib/memory/scrub-stored-content";
import { createMemoryTestConversation, createMemoryTestUser, newCorrelationId } from "@/tests/support/memory-fixtures";

// Content stored before the write policy existed: the scrub command finds it everywhere it is
// stored, redacts or purges it with an audit row, prints counts, and changes nothing the second time.

const CARD = "4539148803436467";
const PIN = "7731";

async function seedLegacyData() {
  const user = await createMemoryTestUser();
  const conversation = await createMemoryTestConversation({ userId: user.id });
  const db = getDb();
  const item = (content: string, status = "active", type = "fact") => ({ id: randomUUID(), userId: user.id, content, type, status });
  const secret = item(`User's card number is ${CARD}`);
  const thirdParty = item("User's brother was arrested last year");
  const junk = item("User is so tired today");
  const fine = item("User lives in Oban");
  const secretEpisode = item(`Talked about the alarm; the alarm code is ${PIN}`, "active", "episode");
  await db.memoryItem.createMany({ data: [secret, thirdParty, junk, fine, secretEpisode] });
  await db.memoryWriteEvent.createMany({
    data: [
      { userId: user.id, memoryItemId: secret.id, operation: "create", afterContent: secret.content },
      { userId: user.id, memoryItemId: thirdParty.id, operation: "create", afterContent: thirdParty.content },
      { userId: user.id, memoryItemId: fine.id, operation: "create", afterContent: fine.content },
    ],
  });
  await db.message.create({
    data: { id: randomUUID(), conversationId: conversation.id, userId: user.id, role: "user", parts: [{ type: "text", text: `my phone PIN is ${PIN}, I live in Oban` }] },
  });
  await db.memoryWriteJob.create({
    data: { userId: user.id, kind: "create", payload: { request: { content: `card ${CARD}`, memoryType: "note" } }, status: "done", correlationId: randomUUID() },
  });
  await db.conversation.update({ where: { id: conversation.id }, data: { title: `my PIN is ${PIN}` } });
  return { user, secret, thirdParty, junk, fine, secretEpisode };
}

async function dump(userId: string) {
  const rows = await getDb().$queryRaw<{ t: string }[]>`
    SELECT row_to_json(m)::text AS t FROM memory_items m WHERE user_id = ${userId}::uuid
    UNION ALL SELECT row_to_json(e)::text FROM memory_write_events e WHERE user_id = ${userId}::uuid
    UNION ALL SELECT row_to_json(j)::text FROM memory_write_jobs j WHERE user_id = ${userId}::uuid
    UNION ALL SELECT row_to_json(x)::text FROM messages x WHERE user_id = ${userId}::uuid
    UNION ALL SELECT row_to_json(c)::text FROM conversations c WHERE user_id = ${userId}::uuid`;
  return rows.map((r) => r.t).join("\n");
}

describe("scrubStoredContent (npm run memories:scrub)", () => {
  it("dry run counts and changes nothing; the real run redacts every copy with audit rows; a second run finds nothing", async () => {
    const { user, secret, thirdParty, junk, fine, secretEpisode } = await seedLegacyData();
    const run = (dryRun: boolean, purgeJunk = true) => scrubStoredContent({ dryRun, purgeJunk, userId: user.id, correlationId: newCorrelationId() });

    const before = await dump(user.id);
    const dry = await run(true);
    expect(dry).toEqual({
      memoriesRedacted: { payment_data: 1, third_party_sensitive: 1, secret: 1 },
      memoriesPurged: { passing_state: 1 },
      auditRowsRedacted: 2,
      messagesRedacted: 1,
      jobsRedacted: 1,
      titlesRedacted: 1,
    });
    expect(await dump(user.id)).toBe(before);

    expect(await run(false)).toEqual(dry);
    const after = await dump(user.id);
    expect(after).not.toContain(CARD);
    expect(after).not.toMatch(new RegExp(`\\b${PIN}\\b`));
    expect(after).not.toContain("arrested");
    expect(after).toContain("Oban");

    const rows = await getDb().memoryItem.findMany({ where: { userId: user.id } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(secret.id)).toMatchObject({ status: "deleted" });
    expect(byId.get(secret.id)!.content).toContain("[card number removed]");
    expect(byId.get(thirdParty.id)).toMatchObject({ status: "deleted" });
    expect(byId.get(junk.id)).toMatchObject({ status: "deleted", content: junk.content });
    expect(byId.get(fine.id)).toMatchObject({ status: "active", content: fine.content });
    expect(byId.get(secretEpisode.id)).toMatchObject({ status: "deleted" });
    const redactEvents = await getDb().memoryWriteEvent.findMany({ where: { userId: user.id, operation: "redact" } });
    expect(redactEvents.map((e) => e.reason).sort()).toEqual(["payment_data", "secret", "third_party_sensitive"]);
    expect(redactEvents.every((e) => e.beforeContent === null && e.afterContent === null)).toBe(true);

    expect(await run(false)).toEqual({ memoriesRedacted: {}, memoriesPurged: {}, auditRowsRedacted: 0, messagesRedacted: 0, jobsRedacted: 0, titlesRedacted: 0 });
  });

  it("leaves junk alone unless asked to purge it", async () => {
    const { user, junk } = await seedLegacyData();
    const counts = await scrubStoredContent({ dryRun: false, purgeJunk: false, userId: user.id, correlationId: newCorrelationId() });
    expect(counts.memoriesPurged).toEqual({});
    expect(await getDb().memoryItem.findUniqueOrThrow({ where: { id: junk.id } })).toMatchObject({ status: "active" });
  });
});
