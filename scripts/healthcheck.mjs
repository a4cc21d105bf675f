#!/usr/bin/env node
// The container's HEALTHCHECK: healthy when GET /api/health answers 200 (the database is
// reachable). A down Redis still answers 200: the app degrades but serves. Prints the body
// so `docker inspect` shows why a container is unhealthy.
const port = process.env.PORT ?? "3000";
try {
  const response = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(4000) });
  console.log(`${response.status} ${await response.text()}`);
  process.exit(response.status === 200 ? 0 : 1);
} catch (error) {
  console.log(`unreachable: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
