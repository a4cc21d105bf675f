import { withRoute } from "@/lib/api/with-route";
import { deleteMemory } from "@/lib/memory/delete-memory";
import { getMemoryDetail } from "@/lib/memory/get-memory-detail";
import { IdParamsSchema } from "@/lib/api/id-params";

/** GET /api/memories/:id → MemoryDetail (404 for another user's memory). */
export const GET = withRoute(
  async ({ user, params }) => Response.json(await getMemoryDetail({ userId: user.id, memoryId: params.id })),
  { auth: "user", params: IdParamsSchema },
);

/** DELETE /api/memories/:id → { deleted } (soft delete, audited). */
export const DELETE = withRoute(
  async ({ user, params, correlationId }) =>
    Response.json(await deleteMemory({ userId: user.id, memoryId: params.id, correlationId })),
  { auth: "user", params: IdParamsSchema },
);
