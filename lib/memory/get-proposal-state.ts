import "server-only";
import { getDb } from "@/lib/db/client";
import { selectProposal } from "@/lib/db/memory-items-list-sql";
import { AppError } from "@/lib/errors";
import type { ProposalState } from "@/lib/memory/view-schemas";

const OUTCOME_BY_STATUS = {
  pending: null,
  active: "created",
  superseded: "duplicate_skipped",
  rejected: "discarded",
  deleted: "deleted",
} as const;

/**
 * A proposal's current state, as the chat card and the Pending page read it. Memories that
 * never were proposals, and other users' proposals, are not_found.
 */
export async function getProposalState(options: { userId: string; proposalId: string }): Promise<ProposalState> {
  const row = await selectProposal(getDb(), { userId: options.userId, id: options.proposalId });
  if (!row) throw new AppError("not_found", "That proposal does not exist.");
  if (row.status === "pending" || row.status === "active" || row.status === "rejected" || row.status === "deleted") {
    return {
      id: row.id,
      status: row.status,
      memoryId: row.status === "pending" || row.status === "rejected" ? null : row.id,
      outcome: OUTCOME_BY_STATUS[row.status],
    };
  }
  // Superseded: either confirmed as a duplicate of an active memory (superseded_by points at
  // it) or confirmed and later replaced by a newer version; both lead to the holder.
  return { id: row.id, status: "superseded", memoryId: row.superseded_by ?? row.id, outcome: OUTCOME_BY_STATUS.superseded };
}
