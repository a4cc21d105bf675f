import { routeMethods } from "@/lib/api/route-methods";
import { withRoute } from "@/lib/api/with-route";
import { listActivity } from "@/lib/memory/list-activity";

/** GET /api/activity?before&limit → { items, nextCursor }: the user's write events, newest first. */
const get = withRoute(
  async ({ user, request }) =>
    Response.json(await listActivity({ userId: user.id, query: Object.fromEntries(new URL(request.url).searchParams) })),
  { auth: "user" },
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: get });
