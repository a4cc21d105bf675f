import "server-only";
import { getDb } from "@/lib/db/client";
import { selectMemoryPage } from "@/lib/db/memory-items-list-sql";
import type { PendingList } from "@/lib/memory/view-schemas";

// Proposals are decided or left; a queue longer than this is shown in pages of the Memories list.
const PENDING_LIMIT = 100;

/** The user's undecided proposals, newest first, with their total count. */
export async function listPendingProposals(options: { userId: string }): Promise<PendingList> {
  const { items, total } = await selectMemoryPage(getDb(), {
    userId: options.userId,
    statuses: ["pending"],
    types: null,
    sort: "newest",
    limit: PENDING_LIMIT,
    offset: 0,
  });
  return { items, count: total };
}
