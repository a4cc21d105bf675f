import { routeMethods } from "@/lib/api/route-methods";
import { withRoute } from "@/lib/api/with-route";
import { exportAuditCsv } from "@/lib/admin/export-audit-csv";

/** GET /api/admin/audit/export?<same filters as the list> → text/csv of the whole filtered set. */
const get = withRoute(
  async ({ request }) => {
    const body = exportAuditCsv({ query: Object.fromEntries(new URL(request.url).searchParams), signal: request.signal });
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="audit-${stamp}.csv"`,
        "cache-control": "no-store",
      },
    });
  },
  { auth: "admin" },
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: get });
