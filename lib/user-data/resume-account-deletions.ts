import "server-only";
import { getDb } from "@/lib/db/client";
import { log } from "@/lib/log";
import { runAccountDeletion } from "@/lib/user-data/run-account-deletion";

// A deletion still running in some request is left alone for this long before it is taken over.
const STALE_AFTER_MS = 5 * 60_000;

/**
 * Finishes account deletions that started and never completed (a crash or restart mid-way):
 * the periodic sweep runs this, so a deletion finishes even when the user does not retry.
 * Safe on several replicas at once: every step of runAccountDeletion is idempotent.
 */
export async function resumeAccountDeletions(options: { now?: Date } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const stale = await getDb().accountDeletion.findMany({
    where: { completedAt: null, createdAt: { lt: new Date(now.getTime() - STALE_AFTER_MS) } },
    select: { userId: true },
    take: 10,
  });
  for (const { userId } of stale) {
    log.warn("resuming an unfinished account deletion", { userId });
    await runAccountDeletion({ userId });
  }
  return stale.length;
}
