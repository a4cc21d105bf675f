import { z } from "zod";

/** Route params of every `[id]` route: ids are uuids (lower-cased, as stored), anything else is a 400. */
export const IdParamsSchema = z.object({ id: z.uuid({ message: "must be a UUID" }).transform((id) => id.toLowerCase()) });
