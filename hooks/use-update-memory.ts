"use client";

import { useSWRConfig } from "swr";
import { fetchJson } from "@/lib/client/fetch-json";
import { isMemoryViewKey } from "@/lib/client/swr-keys";
import { MemoryPatchResultSchema, type MemoryPatchBody, type MemoryPatchResult } from "@/lib/memory/edit-schemas";

/**
 * Changes a memory from its page (PATCH /api/memories/:id): an edit makes a new version (the
 * result names it), an expiry changes in place. Revalidates every memory view. Throws ApiError
 * with the server's message (a write-policy refusal among them).
 */
export function useUpdateMemory() {
  const { mutate } = useSWRConfig();
  return async function updateMemory(memoryId: string, body: MemoryPatchBody): Promise<MemoryPatchResult> {
    const result = await fetchJson(`/api/memories/${memoryId}`, { method: "PATCH", body, schema: MemoryPatchResultSchema });
    await mutate(isMemoryViewKey);
    return result;
  };
}
