import { checkHealth } from "@/lib/health/check-health";

// Unauthenticated on purpose: load balancers, Docker's HEALTHCHECK and uptime monitors call it.
// 503 only when the database is unreachable; a missing Redis degrades the app but it still serves.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.db === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
