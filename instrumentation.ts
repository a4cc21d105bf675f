// Next's start-up hook, once per server process. The worker is Node-only, so it is imported
// only on that runtime (NEXT_RUNTIME is set by Next itself, not configuration).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { runMemoryWriteWorkerForProcess } = await import("@/lib/memory/run-memory-write-worker-for-process");
  await runMemoryWriteWorkerForProcess();
}
