import "server-only";
import { getDb } from "@/lib/db/client";
import { countPendingProposals as countPending } from "@/lib/db/memory-items-list-sql";

/** Proposals waiting for the user's decision: the badge on the navigation. */
export async function countPendingProposals(options: { userId: string }): Promise<number> {
  return countPending(getDb(), { userId: options.userId });
}
