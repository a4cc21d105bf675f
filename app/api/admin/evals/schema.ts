import { z } from "zod";

/** GET /api/admin/evals query. */
export const ListEvalRunsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
