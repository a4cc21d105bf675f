import "server-only";
import { getDb } from "@/lib/db/client";
import { AccountDeletionRecordSchema, type AccountDeletionRecord } from "@/lib/user-data/schemas";

/**
 * The latest account deletions, newest first, for admins: the id the account had, when it was
 * asked for and finished, and how many rows of each kind went. No email, no content.
 */
export async function listAccountDeletions(options: { limit?: number } = {}): Promise<AccountDeletionRecord[]> {
  const rows = await getDb().accountDeletion.findMany({ orderBy: { createdAt: "desc" }, take: options.limit ?? 100 });
  return rows.map((r) =>
    AccountDeletionRecordSchema.parse({
      id: r.id,
      userId: r.userId,
      counts: r.counts,
      createdAt: r.createdAt.toISOString(),
      completedAt: r.completedAt?.toISOString() ?? null,
    }),
  );
}
