// Next's start-up hook, once per server process. The background work is Node-only, so it is
// imported only on that runtime (NEXT_RUNTIME is set by Next itself, not configuration).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { runServerProcess } = await import("@/lib/ops/run-server-process");
  await runServerProcess();
}
