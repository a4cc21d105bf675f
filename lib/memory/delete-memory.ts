import "server-only";
import { AppError } from "@/lib/errors";
import { deleteMemories } from "@/lib/memory/delete-memories";

/**
 * Soft-deletes one of the user's memories through the audited write path. A memory that is
 * missing, another user's, or already gone (deleted, superseded, rejected) is not_found.
 */
export async function deleteMemory(options: { userId: string; memoryId: string; correlationId: string }): Promise<{ deleted: string }> {
  const result = await deleteMemories({ userId: options.userId, memoryIds: [options.memoryId], correlationId: options.correlationId });
  const [deleted] = result.deleted;
  if (!deleted) throw new AppError("not_found", "That memory does not exist or is already deleted.");
  return { deleted };
}
