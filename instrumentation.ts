// Runs once per server process at start-up (Next's instrumentation hook): starts the durable
// memory-write worker, which first resumes writes a previous process acknowledged but did not
// finish, and drains it on SIGTERM/SIGINT (bounded at 5 s; anything left stays in the outbox).
export async function register() {
  // NEXT_RUNTIME is set by Next itself, not configuration; the worker only runs on Node.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startMemoryWriteWorker } = await import("@/lib/memory/start-memory-write-worker");
  const { stopMemoryWriteWorker } = await import("@/lib/memory/stop-memory-write-worker");
  await startMemoryWriteWorker();
  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      void stopMemoryWriteWorker({ timeoutMs: 5000 }).finally(() => process.exit(0));
    });
  }
}
