import { z } from "zod";

/** GET /api/admin/evals query. */
export const ListEvalRunsQuerySchema = z.object({
  // Decimal digits only: Number() would read "0x10" as 16 and "1e2" as 100.
  limit: z
    .string()
    .regex(/^\d{1,9}$/, "must be a whole number in decimal digits")
    .transform(Number)
    .pipe(z.number().int().min(1).max(200))
    .default(50),
});
