import "server-only";
import { startMemoryWriteWorker } from "@/lib/memory/start-memory-write-worker";
import { stopMemoryWriteWorker } from "@/lib/memory/stop-memory-write-worker";
import { startReplicaHeartbeat } from "@/lib/ops/start-replica-heartbeat";
import { stopReplicaHeartbeat } from "@/lib/ops/stop-replica-heartbeat";

/**
 * A server process's background work, started once from instrumentation.ts: the memory-write
 * worker (which first resumes writes a previous process acknowledged but did not finish) and
 * the replica heartbeat. On SIGTERM/SIGINT it leaves the replica list, drains in-flight writes
 * (bounded at 5 s; anything left stays in the outbox for the next start), then exits.
 */
export async function runServerProcess(): Promise<void> {
  // Signals are handled below, once, for the whole process.
  startMemoryWriteWorker({ handleSignals: false });
  startReplicaHeartbeat();
  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      void Promise.allSettled([stopReplicaHeartbeat(), stopMemoryWriteWorker({ timeoutMs: 5000 })]).finally(() => process.exit(0));
    });
  }
}
