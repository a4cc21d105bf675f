import { z } from "zod";

/** POST /api/memories/bulk-delete body. */
export const BulkDeleteBodySchema = z.object({
  ids: z.array(z.uuid({ message: "must be a UUID" })).min(1).max(100),
});
