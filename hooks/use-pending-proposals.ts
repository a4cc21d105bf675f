"use client";

import useSWR from "swr";
import { fetchJson } from "@/lib/client/fetch-json";
import { swrKeys } from "@/lib/client/swr-keys";
import { PendingListSchema, type PendingList } from "@/lib/memory/view-schemas";

const fetchPending = (url: string) => fetchJson(url, { schema: PendingListSchema });

/**
 * The user's undecided proposals and their count. Deciding one (useDecideProposal) and any
 * memory event on the tab's stream revalidate it.
 */
export function usePendingProposals(options: { fallback: PendingList }) {
  const { data } = useSWR(swrKeys.pendingProposals, fetchPending, { fallbackData: options.fallback });
  return data;
}
