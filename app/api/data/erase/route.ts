import { routeMethods } from "@/lib/api/route-methods";
import { withRoute } from "@/lib/api/with-route";
import { eraseMemories } from "@/lib/user-data/erase-memories";
import { previewErasure } from "@/lib/user-data/preview-erasure";
import { ErasureBodySchema } from "@/lib/user-data/schemas";

/**
 * POST /api/data/erase { scope: "memory", memoryId } | { scope: "search", query } | { scope: "all" },
 * with dryRun: true → ErasurePreview (what it covers), else → ErasureResult (counts and ids).
 * Erasure is for good and idempotent; the page asks for confirmation first.
 */
const post = withRoute(
  async ({ user, body, correlationId }) => {
    const { dryRun, ...scope } = await body(ErasureBodySchema);
    return Response.json(
      dryRun ? await previewErasure({ userId: user.id, scope }) : await eraseMemories({ userId: user.id, scope, correlationId }),
    );
  },
  { auth: "user" },
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: post });
