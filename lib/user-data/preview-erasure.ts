import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { MemoryStatusSchema } from "@/lib/db/enums";
import { countMemoryItems, selectChainClosure, selectErasureSample, selectMemoryIdsToErase } from "@/lib/db/memory-items-erase-sql";
import { selectOwnedMemoryIds } from "@/lib/db/memory-items-sql";
import { AppError } from "@/lib/errors";
import type { ErasurePreview, ErasureScope } from "@/lib/user-data/schemas";

// A preview lists what it covers; past this many matches it says "at least".
const PREVIEW_LIMIT = 5_000;
const SAMPLE = 20;

const OptionsSchema = z.object({ userId: z.string().uuid() });

/**
 * What an erasure would remove, before the user confirms it: how many memories (the matches
 * and every version in their chains) and the newest of them. Reads only.
 */
export async function previewErasure(options: { userId: string; scope: ErasureScope }): Promise<ErasurePreview> {
  const { userId } = OptionsSchema.parse(options);
  const { scope } = options;
  const db = getDb();
  if (scope.scope === "all") {
    return { dryRun: true, memories: await countMemoryItems(db, { userId }), sample: await selectErasureSample(db, { userId, ids: null, limit: SAMPLE }) };
  }
  let roots: string[];
  if (scope.scope === "memory") {
    roots = await selectOwnedMemoryIds(db, { userId, ids: [scope.memoryId], statuses: MemoryStatusSchema.options });
    if (roots.length === 0) throw new AppError("not_found", "That memory does not exist or was already erased.");
  } else {
    roots = await selectMemoryIdsToErase(db, { userId, query: scope.query, limit: PREVIEW_LIMIT });
  }
  const ids = await selectChainClosure(db, { userId, ids: roots });
  return { dryRun: true, memories: ids.length, sample: await selectErasureSample(db, { userId, ids, limit: SAMPLE }) };
}
