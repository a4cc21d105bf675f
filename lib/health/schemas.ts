import { z } from "zod";

/**
 * GET /api/health. `redis` is "absent" when REDIS_URL is unset (single-instance mode with
 * in-process stand-ins), "down" when it is set but not answering: the app still serves, with
 * rate limits allowing and live events local to the instance. No URLs or keys, ever.
 */
export const HealthSchema = z.object({
  db: z.enum(["ok", "down"]),
  redis: z.enum(["ok", "absent", "down"]),
  model: z.string(),
  /**
   * The configured embedding space ("local/mnemo-blend-v1@384"), followed by
   * "(N memories need re-embedding: npm run memories:reembed)" while some are in another space.
   */
  embeddings: z.string(),
  /** Present while the process is shutting down (answered with 503, so balancers stop routing here). */
  draining: z.literal(true).optional(),
});
export type Health = z.infer<typeof HealthSchema>;
