"use client";

import useSWR from "swr";
import { fetchJson } from "@/lib/client/fetch-json";
import { swrKeys } from "@/lib/client/swr-keys";
import { ProposalStateSchema } from "@/lib/memory/view-schemas";

/** One proposal's current state (the chat card): decided here, on the Pending page or elsewhere. */
export function useProposal(proposalId: string) {
  return useSWR(swrKeys.proposal(proposalId), (url: string) => fetchJson(url, { schema: ProposalStateSchema }), {
    revalidateOnFocus: false,
  });
}
