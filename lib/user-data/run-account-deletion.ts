import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { deleteUserRowsBatch, USER_TABLES } from "@/lib/db/users-delete-sql";
import { log } from "@/lib/log";

const BATCH = 1_000;

const OptionsSchema = z.object({ userId: z.string().uuid() });

/** What an account held, by table: the content-free counts kept in account_deletions. */
async function countUserData(userId: string): Promise<Record<string, number>> {
  const db = getDb();
  const [memories, auditEvents, writeJobs, conversations, messages, recalls, sessions] = await Promise.all([
    db.memoryItem.count({ where: { userId } }),
    db.memoryWriteEvent.count({ where: { userId } }),
    db.memoryWriteJob.count({ where: { userId } }),
    db.conversation.count({ where: { userId } }),
    db.message.count({ where: { userId } }),
    db.memoryRecall.count({ where: { userId } }),
    db.session.count({ where: { userId } }),
  ]);
  return { memories, auditEvents, writeJobs, conversations, messages, recalls, sessions };
}

/**
 * Deletes everything of one account, then the account and its sessions, recording it in
 * account_deletions (counts, no content). Every step is idempotent and the record is written
 * first, so a run cut short by a crash is finished by running it again (the user retrying, or
 * the periodic sweep resuming unfinished deletions); the counts of the first run are kept.
 * The user row goes last, in the same transaction that marks the record completed: until then
 * the account can still sign in and retry.
 */
export async function runAccountDeletion(options: { userId: string }): Promise<{ deletionId: string; counts: Record<string, number> }> {
  const { userId } = OptionsSchema.parse(options);
  const db = getDb();
  const started =
    (await db.accountDeletion.findFirst({ where: { userId, completedAt: null }, orderBy: { createdAt: "asc" } })) ??
    (await db.accountDeletion.create({ data: { userId, counts: await countUserData(userId) } }));
  log.info("account deletion running", { deletionId: started.id, userId });
  for (const table of USER_TABLES) {
    while ((await deleteUserRowsBatch(db, { table, userId, limit: BATCH })) > 0) {
      // Another batch: a large account is deleted in short statements.
    }
  }
  await db.$transaction(async (tx) => {
    // Sessions, accounts and anything written since the steps above go with the user row (ON DELETE CASCADE).
    await tx.user.deleteMany({ where: { id: userId } });
    await tx.accountDeletion.update({ where: { id: started.id }, data: { completedAt: new Date() } });
  });
  log.info("account deleted", { deletionId: started.id, userId });
  return { deletionId: started.id, counts: z.record(z.string(), z.number()).parse(started.counts) };
}
