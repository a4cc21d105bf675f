import { routeMethods } from "@/lib/api/route-methods";
import { withRoute } from "@/lib/api/with-route";
import { exportUserData } from "@/lib/user-data/export-user-data";

/** GET /api/data/export → the signed-in user's mnemo-export v1 JSON file, streamed as a download. */
const get = withRoute(
  async ({ user, request }) => {
    const body = exportUserData({ userId: user.id, signal: request.signal });
    const day = new Date().toISOString().slice(0, 10);
    return new Response(body, {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="mnemo-export-${day}.json"`,
        "cache-control": "no-store",
      },
    });
  },
  { auth: "user" },
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: get });
