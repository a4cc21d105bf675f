import { routeMethods } from "@/lib/api/route-methods";
import { withRoute } from "@/lib/api/with-route";
import { getAuditEvent } from "@/lib/admin/get-audit-event";
import { IdParamsSchema } from "@/lib/api/id-params";

/** GET /api/admin/audit/:id → AuditEvent (any user's; admins only). */
const get = withRoute(async ({ params }) => Response.json(await getAuditEvent({ eventId: params.id })), {
  auth: "admin",
  params: IdParamsSchema,
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: get });
