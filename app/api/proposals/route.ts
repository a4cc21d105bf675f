import { withRoute } from "@/lib/api/with-route";
import { listPendingProposals } from "@/lib/memory/list-pending-proposals";

/** GET /api/proposals → { items, count }: the user's undecided proposals. */
export const GET = withRoute(async ({ user }) => Response.json(await listPendingProposals({ userId: user.id })), { auth: "user" });
