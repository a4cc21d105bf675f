// The SWR cache keys, one per API resource the browser reads. Each key is the GET URL itself,
// so the fetcher is fetchJson(key) and a mutation can name exactly what it changed.

export const swrKeys = {
  conversations: "/api/conversations",
  /** The user's undecided proposals and their count (the Pending page and the nav badges). */
  pendingProposals: "/api/proposals",
  proposal: (proposalId: string) => `/api/proposals/${proposalId}`,
  memories: (query: string) => (query ? `/api/memories?${query}` : "/api/memories"),
  memory: (memoryId: string) => `/api/memories/${memoryId}`,
  memoryWrite: (writeId: string) => `/api/memory-writes/${writeId}`,
} as const;

/** Keys whose data any memory write can change: memory lists and details, proposals, the pending count. */
export function isMemoryViewKey(key: unknown): boolean {
  return typeof key === "string" && (key.startsWith("/api/memories") || key.startsWith("/api/proposals"));
}

export function isMemoryWriteKey(key: unknown): key is string {
  return typeof key === "string" && key.startsWith("/api/memory-writes/");
}
