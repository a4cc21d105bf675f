import "server-only";
import { type CrossUserEvidence, findCrossUserWrites } from "@/eval/runner/find-cross-user-writes";
import { getDb } from "@/lib/db/client";

/**
 * After a run, looks for any write that crossed between the run's eval users (each case ran as
 * its own user in its own conversation) and returns a description of each one found.
 */
export async function checkEvalIsolation(options: {
  conversationOwners: Map<string, string>;
}): Promise<string[]> {
  const owners = options.conversationOwners;
  const userIds = [...new Set(owners.values())];
  const conversationIds = [...owners.keys()];
  if (userIds.length === 0) return [];
  const db = getDb();
  // Rows of eval users, and rows pointing into eval conversations whoever owns them, so a write
  // that landed under a non-eval user is caught too.
  const [memories, events, jobs, messages] = await Promise.all([
    db.memoryItem.findMany({
      where: { OR: [{ userId: { in: userIds } }, { sourceConversationId: { in: conversationIds } }] },
      select: { id: true, userId: true, sourceConversationId: true, sourceMessage: { select: { userId: true } } },
    }),
    db.memoryWriteEvent.findMany({
      where: { OR: [{ userId: { in: userIds } }, { memoryItem: { userId: { in: userIds } } }] },
      select: { id: true, userId: true, memoryItem: { select: { userId: true } } },
    }),
    db.memoryWriteJob.findMany({
      where: { OR: [{ userId: { in: userIds } }, { conversationId: { in: conversationIds } }] },
      select: { id: true, userId: true, conversationId: true },
    }),
    db.message.findMany({
      where: { OR: [{ userId: { in: userIds } }, { conversationId: { in: conversationIds } }] },
      select: { id: true, userId: true, conversationId: true },
    }),
  ]);
  const evidence: CrossUserEvidence = {
    conversationOwners: owners,
    memories: memories.map((m) => ({
      id: m.id,
      userId: m.userId,
      sourceConversationId: m.sourceConversationId,
      sourceMessageUserId: m.sourceMessage?.userId ?? null,
    })),
    events: events.map((e) => ({ id: e.id, userId: e.userId, memoryItemUserId: e.memoryItem?.userId ?? null })),
    jobs,
    messages,
  };
  return findCrossUserWrites(evidence);
}
