import { routeMethods } from "@/lib/api/route-methods";
import { withRoute } from "@/lib/api/with-route";
import { listEvalRuns } from "@/lib/eval/list-eval-runs";
import { ListEvalRunsQuerySchema } from "@/app/api/admin/evals/schema";

/** GET /api/admin/evals?limit → { runs } newest first: metrics, params and per-case results of each stored eval run. */
const get = withRoute(
  async ({ query }) => {
    const { limit } = query(ListEvalRunsQuerySchema);
    return Response.json({ runs: await listEvalRuns({ limit }) });
  },
  { auth: "admin" },
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: get });
