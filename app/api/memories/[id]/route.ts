import { routeMethods } from "@/lib/api/route-methods";
import { withRoute } from "@/lib/api/with-route";
import { deleteMemory } from "@/lib/memory/delete-memory";
import { getMemoryDetail } from "@/lib/memory/get-memory-detail";
import { MemoryPatchBodySchema } from "@/lib/memory/edit-schemas";
import { updateMemory } from "@/lib/memory/update-memory";
import { IdParamsSchema } from "@/lib/api/id-params";

/** GET /api/memories/:id → MemoryDetail (404 for another user's memory). */
const get = withRoute(
  async ({ user, params }) => Response.json(await getMemoryDetail({ userId: user.id, memoryId: params.id })),
  { auth: "user", params: IdParamsSchema },
);

/** DELETE /api/memories/:id → { deleted } (soft delete, audited). */
const del = withRoute(
  async ({ user, params, correlationId }) =>
    Response.json(await deleteMemory({ userId: user.id, memoryId: params.id, correlationId })),
  { auth: "user", params: IdParamsSchema },
);

/**
 * PATCH /api/memories/:id { content?, type? } | { expiresAt } → MemoryPatchResult: an edit is a
 * new version (audited as user_edit; 422 when the write policy refuses it), an expiry is set
 * or cleared in place.
 */
const patch = withRoute(
  async ({ user, params, body, correlationId }) =>
    Response.json(await updateMemory({ userId: user.id, memoryId: params.id, body: await body(MemoryPatchBodySchema), correlationId })),
  { auth: "user", params: IdParamsSchema },
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ GET: get, PATCH: patch, DELETE: del });
