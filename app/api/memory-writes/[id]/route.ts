import { IdParamsSchema } from "@/lib/api/id-params";
import { routeMethods } from "@/lib/api/route-methods";
import { withRoute } from "@/lib/api/with-route";
import { getMemoryWriteStatus } from "@/lib/jobs/get-memory-write-status";

const get = withRoute(
  async ({ user, params }) => Response.json(await getMemoryWriteStatus({ userId: user.id, writeId: params.id })),
  { auth: "user", params: IdParamsSchema },
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: get });
