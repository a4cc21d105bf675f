import { z } from "zod";

/** The signed-in user as every route and domain call sees it: always from the session. */
export const SessionUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(["user", "admin"]),
});
export type SessionUser = z.infer<typeof SessionUserSchema>;
