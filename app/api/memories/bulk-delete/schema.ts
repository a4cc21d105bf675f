import { z } from "zod";

/** POST /api/memories/bulk-delete body. */
export const BulkDeleteBodySchema = z.object({
  // Lower-cased as stored: an upper-cased id names the same memory, and is reported as such.
  ids: z.array(z.uuid({ message: "must be a UUID" }).transform((id) => id.toLowerCase())).min(1).max(100),
});
