import { IdParamsSchema } from "@/lib/api/id-params";
import { withRoute } from "@/lib/api/with-route";
import { getMemoryWriteStatus } from "@/lib/jobs/get-memory-write-status";

export const GET = withRoute(
  async ({ user, params }) => Response.json(await getMemoryWriteStatus({ userId: user.id, writeId: params.id })),
  { auth: "user", params: IdParamsSchema },
);
