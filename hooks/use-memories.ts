"use client";

import useSWR from "swr";
import { fetchJson } from "@/lib/client/fetch-json";
import { swrKeys } from "@/lib/client/swr-keys";
import { MemoryListPageSchema, type MemoryListPage } from "@/lib/memory/view-schemas";

/** One page of the user's memories for a query string (filters, sort, page) as GET /api/memories takes it. */
export function useMemories(options: { query: string; fallback: MemoryListPage }) {
  const { data } = useSWR(swrKeys.memories(options.query), (url: string) => fetchJson(url, { schema: MemoryListPageSchema }), {
    fallbackData: options.fallback,
  });
  return data;
}
