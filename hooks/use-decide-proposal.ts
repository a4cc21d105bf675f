"use client";

import { useSWRConfig } from "swr";
import { fetchJson } from "@/lib/client/fetch-json";
import { swrKeys } from "@/lib/client/swr-keys";
import { ProposalStateSchema, type ProposalState } from "@/lib/memory/view-schemas";

/**
 * Confirms or rejects a proposal, then updates what the decision changed: the proposal itself
 * (its chat card, wherever it is shown) and the pending list and count. Throws ApiError with
 * the server's message (e.g. already decided).
 */
export function useDecideProposal() {
  const { mutate } = useSWRConfig();
  return async function decide(proposalId: string, decision: "confirm" | "reject"): Promise<ProposalState> {
    try {
      const state = await fetchJson(`/api/proposals/${proposalId}/${decision}`, { method: "POST", schema: ProposalStateSchema });
      await mutate(swrKeys.proposal(proposalId), state, { revalidate: false });
      return state;
    } catch (error) {
      // Decided elsewhere, perhaps: show the proposal as it now stands.
      void mutate(swrKeys.proposal(proposalId));
      throw error;
    } finally {
      void mutate(swrKeys.pendingProposals);
    }
  };
}
