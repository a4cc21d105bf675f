import { routeMethods } from "@/lib/api/route-methods";
import { withRoute } from "@/lib/api/with-route";
import { decideProposal } from "@/lib/memory/decide-proposal";
import { IdParamsSchema } from "@/lib/api/id-params";

/** POST /api/proposals/:id/reject → the proposal's state after the decision; 409 if already decided. */
const post = withRoute(
  async ({ user, params, correlationId }) =>
    Response.json(await decideProposal({ userId: user.id, proposalId: params.id, decision: "reject", correlationId })),
  { auth: "user", params: IdParamsSchema },
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: post });
