import "server-only";
import { getProposalState } from "@/lib/memory/get-proposal-state";
import type { ProposalState } from "@/lib/memory/view-schemas";
import { confirmProposal } from "@/lib/memory/confirm-proposal";
import { rejectProposal } from "@/lib/memory/reject-proposal";

/**
 * Confirms or rejects a proposal through the memory write path (rate limits, dedup, audit)
 * and answers with its state afterwards, so the chat card and the Pending page agree.
 * Decidable once: the engine's conflict (409) and not_found (404) pass through.
 */
export async function decideProposal(options: {
  userId: string;
  proposalId: string;
  decision: "confirm" | "reject";
  correlationId: string;
}): Promise<ProposalState> {
  const { userId, proposalId, correlationId } = options;
  // A memory that was never proposed must not be confirmable through this door.
  await getProposalState({ userId, proposalId });
  const result =
    options.decision === "confirm"
      ? await confirmProposal({ userId, proposalId, correlationId })
      : await rejectProposal({ userId, proposalId, correlationId });
  const state = await getProposalState({ userId, proposalId });
  if (result.action === "rate_limited") return { ...state, outcome: "rate_limited" };
  if (result.action === "refused") return { ...state, outcome: "refused" };
  if (result.action === "duplicate_skipped" && result.duplicateOf) return { ...state, memoryId: result.duplicateOf, outcome: "duplicate_skipped" };
  return state;
}
