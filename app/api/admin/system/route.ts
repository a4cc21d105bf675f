import { routeMethods } from "@/lib/api/route-methods";
import { withRoute } from "@/lib/api/with-route";
import { getSystemStatus } from "@/lib/ops/get-system-status";

/** GET /api/admin/system → SystemStatus (admins only). */
const get = withRoute(async () => Response.json(await getSystemStatus(), { headers: { "cache-control": "no-store" } }), { auth: "admin" });

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: get });
