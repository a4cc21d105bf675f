import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DELETE as deleteAccountRoute } from "@/app/api/account/route";
import { GET as exportRoute } from "@/app/api/data/export/route";
import { listAccountDeletions } from "@/lib/admin/list-account-deletions";
import { getDb } from "@/lib/db/client";
import { deleteUserRowsBatch } from "@/lib/db/users-delete-sql";
import { ErrorBodySchema } from "@/lib/errors";
import { drainMemoryWrites } from "@/lib/jobs/drain-memory-writes";
import { AccountDeletionResultSchema } from "@/lib/user-data/schemas";
import { resumeAccountDeletions } from "@/lib/user-data/resume-account-deletions";
import { sendChat } from "@/tests/support/chat-client";
import { findInDatabase } from "@/tests/support/database-dump";
import { createTestUser, request, type TestUser } from "@/tests/support/test-users";

// Deleting an account: everything of the user, then the account and its sessions; admins keep
// a content-free receipt; a deletion cut short finishes when run again or by the sweep.

const word = () => `Qv${randomBytes(5).toString("hex").replace(/\d/g, (d) => "klmnopqrst"[Number(d)]!)}burg`;

async function withData(prefix: string): Promise<{ user: TestUser; place: string }> {
  const user = await createTestUser({ prefix });
  const place = word();
  const conversationId = randomUUID();
  await sendChat(user, conversationId, `I live in ${place}.`);
  await drainMemoryWrites({ userId: user.id, timeoutMs: 15_000 });
  await sendChat(user, conversationId, "What do you remember about me?");
  return { user, place };
}

async function deleteAccount(user: TestUser, confirmEmail: string) {
  const response = await deleteAccountRoute(request("/api/account", { user, method: "DELETE", body: { confirmEmail } }));
  return { status: response.status, json: (await response.json()) as unknown };
}

describe("delete my account", () => {
  it("erases all of the user's data, then the account and its sessions; the admins' record holds counts only", async () => {
    const { user, place } = await withData("delete-account");
    expect((await findInDatabase(place)).length).toBeGreaterThan(0);

    const wrong = await deleteAccount(user, "someone-else@test.local");
    expect(wrong.status).toBe(422);
    expect(ErrorBodySchema.parse(wrong.json).error.message).toMatch(/email address/);
    expect(await getDb().user.findUnique({ where: { id: user.id } })).not.toBeNull();

    const done = await deleteAccount(user, user.email.toUpperCase());
    expect(done.status).toBe(200);
    const { counts } = AccountDeletionResultSchema.parse(done.json);
    expect(counts).toMatchObject({ memories: 1, conversations: 1, messages: 4, sessions: 1 });

    expect(await findInDatabase(place)).toEqual([]);
    expect(await findInDatabase(user.id).then((hits) => hits.filter((h) => !h.startsWith("account_deletions:")))).toEqual([]);
    expect(await findInDatabase(user.email)).toEqual([]);
    // The old session no longer signs anyone in.
    expect((await exportRoute(request("/api/data/export", { user }))).status).toBe(401);

    const [record] = (await listAccountDeletions()).filter((d) => d.userId === user.id);
    expect(record).toMatchObject({ userId: user.id, counts, completedAt: expect.any(String) });
    expect(JSON.stringify(record)).not.toMatch(new RegExp(`${place}|${user.email}`, "i"));
  });

  it("a deletion cut short is finished by running it again, keeping its first record; the sweep finishes one nobody retries", async () => {
    const { user, place } = await withData("delete-resume");
    // The first run recorded itself and got as far as the memories, then the process died.
    const started = await getDb().accountDeletion.create({ data: { userId: user.id, counts: { memories: 1, note: 0 } } });
    await deleteUserRowsBatch(getDb(), { table: "memory_items", userId: user.id, limit: 1000 });
    const retried = await deleteAccount(user, user.email);
    expect(retried.status).toBe(200);
    expect(AccountDeletionResultSchema.parse(retried.json).counts).toEqual({ memories: 1, note: 0 });
    const records = await getDb().accountDeletion.findMany({ where: { userId: user.id } });
    expect(records).toEqual([expect.objectContaining({ id: started.id, completedAt: expect.any(Date) })]);
    expect(await findInDatabase(place)).toEqual([]);

    const { user: other, place: otherPlace } = await withData("delete-sweep");
    await getDb().accountDeletion.create({ data: { userId: other.id, counts: {}, createdAt: new Date(Date.now() - 10 * 60_000) } });
    expect(await resumeAccountDeletions()).toBeGreaterThanOrEqual(1);
    expect(await getDb().user.findUnique({ where: { id: other.id } })).toBeNull();
    expect(await findInDatabase(otherPlace)).toEqual([]);
    expect(await getDb().accountDeletion.findFirst({ where: { userId: other.id } })).toMatchObject({ completedAt: expect.any(Date) });
  });
});
