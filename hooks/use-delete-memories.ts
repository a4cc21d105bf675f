"use client";

import { useSWRConfig } from "swr";
import { fetchJson } from "@/lib/client/fetch-json";
import { isMemoryViewKey } from "@/lib/client/swr-keys";
import { DeleteResultSchema, type DeleteResult } from "@/lib/memory/view-schemas";

/**
 * Soft-deletes memories (audited server-side), then revalidates every memory view on the tab:
 * lists, details, proposals and the pending count. Ids that are missing, another user's or
 * already gone come back in `notFound`. Throws ApiError on failure.
 */
export function useDeleteMemories() {
  const { mutate } = useSWRConfig();
  return async function deleteMemories(memoryIds: string[]): Promise<DeleteResult> {
    const result = await fetchJson("/api/memories/bulk-delete", { method: "POST", body: { ids: memoryIds }, schema: DeleteResultSchema });
    await mutate(isMemoryViewKey);
    return result;
  };
}
