"use client";

import useSWR from "swr";
import { useMemoryStream } from "@/hooks/use-memory-stream";
import { fetchJson } from "@/lib/client/fetch-json";
import { swrKeys } from "@/lib/client/swr-keys";
import { MemoryWriteStatusSchema, type MemoryWriteStatus } from "@/lib/jobs/schemas";

// Only while the tab's stream is down: then no hint can arrive, and the chip checks by itself.
const POLL_WITHOUT_STREAM_MS = 3_000;

export const isFinishedWrite = (status: MemoryWriteStatus | undefined) => status?.status === "done" || status?.status === "failed";

/**
 * Where one queued memory write stands. Read once on mount; after that the tab's live stream
 * revalidates it (its `write` hint when the write finishes, and a re-read of unfinished writes
 * whenever the stream (re)connects), so nothing polls while the app streams.
 */
export function useMemoryWrite(writeId: string) {
  const { connection } = useMemoryStream();
  return useSWR(swrKeys.memoryWrite(writeId), (url: string) => fetchJson(url, { schema: MemoryWriteStatusSchema }), {
    revalidateOnFocus: false,
    revalidateOnReconnect: false,
    refreshInterval: (latest) => (connection === "reconnecting" && !isFinishedWrite(latest) ? POLL_WITHOUT_STREAM_MS : 0),
  });
}
