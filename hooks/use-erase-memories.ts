"use client";

import { useSWRConfig } from "swr";
import { fetchJson } from "@/lib/client/fetch-json";
import { isMemoryViewKey, swrKeys } from "@/lib/client/swr-keys";
import {
  ErasurePreviewSchema,
  ErasureResultSchema,
  type ErasurePreview,
  type ErasureResult,
  type ErasureScope,
} from "@/lib/user-data/schemas";

/**
 * Erasure for good through POST /api/data/erase: `preview` says what a scope covers (nothing
 * changes), `erase` does it and revalidates every memory view and the conversation list
 * (titles and messages may have been replaced). Throws ApiError on failure.
 */
export function useEraseMemories() {
  const { mutate } = useSWRConfig();
  return {
    preview: (scope: ErasureScope): Promise<ErasurePreview> =>
      fetchJson("/api/data/erase", { method: "POST", body: { ...scope, dryRun: true }, schema: ErasurePreviewSchema }),
    erase: async (scope: ErasureScope): Promise<ErasureResult> => {
      const result = await fetchJson("/api/data/erase", { method: "POST", body: { ...scope, dryRun: false }, schema: ErasureResultSchema });
      await Promise.all([mutate(isMemoryViewKey), mutate(swrKeys.conversations)]);
      return result;
    },
  };
}
