import { withRoute } from "@/lib/api/with-route";
import { getSystemStatus } from "@/lib/ops/get-system-status";

/** GET /api/admin/system → SystemStatus (admins only). */
export const GET = withRoute(async () => Response.json(await getSystemStatus(), { headers: { "cache-control": "no-store" } }), { auth: "admin" });
