import "server-only";
import { editMemory } from "@/lib/memory/edit-memory";
import { MemoryPatchBodySchema, type MemoryPatchBody, type MemoryPatchResult } from "@/lib/memory/edit-schemas";
import { setMemoryExpiry } from "@/lib/memory/set-memory-expiry";

/**
 * A change the user makes on a memory's page (PATCH /api/memories/:id): an expiry is set or
 * cleared in place (setMemoryExpiry); a new text or type is an edit, i.e. a new version
 * (editMemory). The body is one or the other, never both.
 */
export async function updateMemory(options: {
  userId: string;
  memoryId: string;
  body: MemoryPatchBody;
  correlationId: string;
}): Promise<MemoryPatchResult> {
  const { userId, memoryId, correlationId } = options;
  const body = MemoryPatchBodySchema.parse(options.body);
  if (body.expiresAt !== undefined) {
    const result = await setMemoryExpiry({ userId, memoryId, correlationId, expiresAt: body.expiresAt === null ? null : new Date(body.expiresAt) });
    return { action: "expiry_updated", memoryId: result.memoryId, expiresAt: result.expiresAt };
  }
  const result = await editMemory({ userId, memoryId, correlationId, content: body.content, memoryType: body.type });
  return { action: result.action, memoryId: result.memoryId };
}
