import { withRoute } from "@/lib/api/with-route";
import { deleteMemories } from "@/lib/memory/delete-memories";
import { BulkDeleteBodySchema } from "./schema";

/** POST /api/memories/bulk-delete { ids } → { deleted, notFound } */
export const POST = withRoute(
  async ({ user, body, correlationId }) => {
    const { ids } = await body(BulkDeleteBodySchema);
    return Response.json(await deleteMemories({ userId: user.id, memoryIds: ids, correlationId }));
  },
  { auth: "user" },
);
