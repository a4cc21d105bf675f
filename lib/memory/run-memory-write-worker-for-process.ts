import "server-only";
import { startMemoryWriteWorker } from "@/lib/memory/start-memory-write-worker";
import { stopMemoryWriteWorker } from "@/lib/memory/stop-memory-write-worker";

/**
 * Starts this server process's memory-write worker (which first resumes writes a previous
 * process acknowledged but did not finish) and drains it on SIGTERM/SIGINT, bounded at 5 s;
 * anything left stays in the outbox for the next start.
 */
export async function runMemoryWriteWorkerForProcess(): Promise<void> {
  // Signals are handled below, once, for the whole process.
  startMemoryWriteWorker({ handleSignals: false });
  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      void stopMemoryWriteWorker({ timeoutMs: 5000 }).finally(() => process.exit(0));
    });
  }
}
