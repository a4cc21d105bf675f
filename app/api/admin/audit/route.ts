import { withRoute } from "@/lib/api/with-route";
import { listAuditEvents } from "@/lib/admin/list-audit-events";

/** GET /api/admin/audit?user&operation&extractionType&from&to&correlationId&cursor&limit → { items, nextCursor } */
export const GET = withRoute(
  async ({ request }) => Response.json(await listAuditEvents({ query: Object.fromEntries(new URL(request.url).searchParams) })),
  { auth: "admin" },
);
