"use client";

import useSWR from "swr";
import { fetchJson } from "@/lib/client/fetch-json";
import { swrKeys } from "@/lib/client/swr-keys";
import { PendingListSchema } from "@/lib/memory/view-schemas";

/**
 * How many proposals wait for the user, for the navigation badges. Shares the Pending list's
 * key, so a decision or a memory event updates every badge; the server-rendered count stands
 * until then (no fetch of its own on mount).
 */
export function usePendingCount(options: { initial: number }): number {
  const { data } = useSWR(swrKeys.pendingProposals, (url: string) => fetchJson(url, { schema: PendingListSchema }), {
    revalidateOnMount: false,
    revalidateOnFocus: false,
  });
  return data?.count ?? options.initial;
}
