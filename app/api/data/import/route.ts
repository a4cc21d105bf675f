import { routeMethods } from "@/lib/api/route-methods";
import { withRoute } from "@/lib/api/with-route";
import { importMemories } from "@/lib/user-data/import-memories";
import { IMPORT_MAX_BYTES } from "@/lib/user-data/import-limits";
import { ImportQuerySchema } from "@/lib/user-data/schemas";

/**
 * POST /api/data/import[?dryRun=1] with the file as the body (application/json: a Mnemo or
 * mem0 export; text/plain: one statement per line) → ImportReport. The body limit is the
 * import's own (IMPORT_MAX_BYTES, 5 MiB), enforced as it streams; a bad file is a 4xx naming
 * what is wrong, with nothing written.
 */
const post = withRoute(
  async ({ user, query, upload, correlationId }) => {
    const { dryRun } = query(ImportQuerySchema);
    const { bytes, mediaType } = upload();
    return Response.json(await importMemories({ userId: user.id, bytes, mediaType, dryRun, correlationId }));
  },
  { auth: "user", maxBodyBytes: IMPORT_MAX_BYTES },
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: post });
