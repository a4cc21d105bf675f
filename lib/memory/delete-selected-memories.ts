import "server-only";
import { AppError } from "@/lib/errors";
import type { DeleteResult } from "@/lib/memory/view-schemas";
import { deleteMemories } from "@/lib/memory/delete-memories";

/**
 * Bulk delete from /memories: one transaction, one `delete` audit row per memory. Ids that
 * are not the user's (or already gone) come back in notFound and reveal nothing else.
 */
export async function deleteSelectedMemories(options: { userId: string; memoryIds: string[]; correlationId: string }): Promise<DeleteResult> {
  const result = await deleteMemories(options);
  if (result.error) throw new AppError("unavailable", result.error);
  return { deleted: result.deleted, notFound: result.notFound };
}
