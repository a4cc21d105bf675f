// A process that only runs the memory-write worker (npm run worker): for deployments that keep
// background writes off the chat servers' event loop. The app replicas then run with
// MEMORY_WORKER_ENABLED=false and this process claims their queued writes from the shared
// outbox (same DATABASE_URL); an enqueue wakes it through Redis (REDIS_URL), otherwise it polls
// every second. SIGTERM/SIGINT finish in-flight writes for up to 5 s, then exit; anything left
// stays claimed and is resumed by the next start, exactly once.
export {};

async function main() {
  // Imported here so that a bad environment is reported like any other failure.
  const { config } = await import("@/lib/config");
  const { log } = await import("@/lib/log");
  const { startMemoryWriteWorker } = await import("@/lib/jobs/start-memory-write-worker");
  if (!config.DATABASE_URL) throw new Error("npm run worker needs DATABASE_URL: the embedded database (PGlite) belongs to the app process, which runs its own worker");
  startMemoryWriteWorker({ enabled: true, handleSignals: true });
  log.info("memory write worker process started", { concurrency: config.memory.workerConcurrency, pid: process.pid });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
