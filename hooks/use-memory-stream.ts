"use client";

import { createContext, useContext } from "react";
import type { MemoryEvent } from "@/lib/memory/schemas";

export type StreamConnection = "connecting" | "live" | "reconnecting";

/** The tab's one live stream, opened by <MemoryEventsProvider> (components/memory/memory-events-provider.tsx). */
export type MemoryStream = {
  connection: StreamConnection;
  /**
   * Hands every audit event after `afterSeq` to onEvent: the stream replays what came after that
   * cursor (the newest event the page was rendered with), then keeps delivering live events.
   * Returns the function that stops following.
   */
  follow: (afterSeq: string, onEvent: (event: MemoryEvent) => void) => () => void;
};

export const MemoryStreamContext = createContext<MemoryStream | null>(null);

export function useMemoryStream(): MemoryStream {
  const stream = useContext(MemoryStreamContext);
  if (!stream) throw new Error("useMemoryStream must be used inside <MemoryEventsProvider>.");
  return stream;
}
