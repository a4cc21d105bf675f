"use client";

import useSWR from "swr";
import { fetchJson } from "@/lib/client/fetch-json";
import { swrKeys } from "@/lib/client/swr-keys";
import { MemoryDetailSchema, type MemoryDetail } from "@/lib/memory/view-schemas";

/** One memory with its source, versions and history (the memory's own page). */
export function useMemoryDetail(options: { memoryId: string; fallback: MemoryDetail }) {
  const { data } = useSWR(swrKeys.memory(options.memoryId), (url: string) => fetchJson(url, { schema: MemoryDetailSchema }), {
    fallbackData: options.fallback,
  });
  return data;
}
