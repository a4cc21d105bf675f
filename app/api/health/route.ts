import { routeMethods } from "@/lib/api/route-methods";
import { checkHealth } from "@/lib/health/check-health";
import { getServerDrain } from "@/lib/server/server-drain";

// Unauthenticated on purpose: load balancers, Docker's HEALTHCHECK and uptime monitors call it.
// 503 when the database is unreachable or the process is shutting down; a missing Redis
// degrades the app but it still serves.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const draining = getServerDrain().draining;
  const health = { ...(await checkHealth()), ...(draining ? { draining: true as const } : {}) };
  return Response.json(health, {
    status: health.db === "ok" && !draining ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}

// The other methods: a JSON 405 naming the allowed ones.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET });
