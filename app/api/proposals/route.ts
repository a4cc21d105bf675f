import { routeMethods } from "@/lib/api/route-methods";
import { withRoute } from "@/lib/api/with-route";
import { listPendingProposals } from "@/lib/memory/list-pending-proposals";

/** GET /api/proposals → { items, count }: the user's undecided proposals. */
const get = withRoute(async ({ user }) => Response.json(await listPendingProposals({ userId: user.id })), { auth: "user" });

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: get });
