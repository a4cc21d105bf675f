import { routeMethods } from "@/lib/api/route-methods";
import { withRoute } from "@/lib/api/with-route";
import { getActivityEvent } from "@/lib/memory/get-activity-event";
import { IdParamsSchema } from "@/lib/api/id-params";

/** GET /api/activity/:id → one of the user's own write events (404 for another user's). */
const get = withRoute(
  async ({ user, params }) => Response.json(await getActivityEvent({ userId: user.id, eventId: params.id })),
  { auth: "user", params: IdParamsSchema },
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: get });
