import { routeMethods } from "@/lib/api/route-methods";
import { withRoute } from "@/lib/api/with-route";
import { getProposalState } from "@/lib/memory/get-proposal-state";
import { IdParamsSchema } from "@/lib/api/id-params";

/** GET /api/proposals/:id → { id, status, memoryId, outcome } (the chat card's contract). */
const get = withRoute(
  async ({ user, params }) => Response.json(await getProposalState({ userId: user.id, proposalId: params.id })),
  { auth: "user", params: IdParamsSchema },
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: get });
