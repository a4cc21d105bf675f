import { routeMethods } from "@/lib/api/route-methods";
import { withRoute } from "@/lib/api/with-route";
import { listAuditEvents } from "@/lib/admin/list-audit-events";

/** GET /api/admin/audit?user&operation&extractionType&from&to&correlationId&cursor&limit → { items, nextCursor } */
const get = withRoute(
  async ({ request }) => Response.json(await listAuditEvents({ query: Object.fromEntries(new URL(request.url).searchParams) })),
  { auth: "admin" },
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: get });
