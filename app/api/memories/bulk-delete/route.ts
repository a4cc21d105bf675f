import { routeMethods } from "@/lib/api/route-methods";
import { withRoute } from "@/lib/api/with-route";
import { deleteMemories } from "@/lib/memory/delete-memories";
import { BulkDeleteBodySchema } from "./schema";

/** POST /api/memories/bulk-delete { ids } → { deleted, notFound } */
const post = withRoute(
  async ({ user, body, correlationId }) => {
    const { ids } = await body(BulkDeleteBodySchema);
    return Response.json(await deleteMemories({ userId: user.id, memoryIds: ids, correlationId }));
  },
  { auth: "user" },
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: post });
