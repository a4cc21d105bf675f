/** What the isolation check looks at, all limited to the run's eval users and conversations. */
export type CrossUserEvidence = {
  /** conversation id → the eval user who owns it (one conversation per case). */
  conversationOwners: Map<string, string>;
  memories: {
    id: string;
    userId: string;
    sourceConversationId: string | null;
    /** Owner of the source message, when the memory has one. */
    sourceMessageUserId: string | null;
  }[];
  /** Audit events of eval users, with the owner of the memory they point at. */
  events: { id: string; userId: string; memoryItemUserId: string | null }[];
  /** Queued write jobs of eval users or eval conversations. */
  jobs: { id: string; userId: string; conversationId: string | null }[];
  /** Messages stored in eval conversations. */
  messages: { id: string; userId: string; conversationId: string }[];
};

/**
 * Every row that ties one eval user's data to another user: a memory of user A sourced from
 * B's conversation or message, an audit event of A about B's memory, a write job of A for B's
 * conversation, or a message in A's conversation stored under B. The spec demands none.
 */
export function findCrossUserWrites(evidence: CrossUserEvidence): string[] {
  const owners = evidence.conversationOwners;
  const problems: string[] = [];
  const foreign = (userId: string, conversationId: string | null) =>
    conversationId !== null && owners.has(conversationId) && owners.get(conversationId) !== userId;

  for (const memory of evidence.memories) {
    if (foreign(memory.userId, memory.sourceConversationId)) {
      problems.push(`memory ${memory.id} of user ${memory.userId} comes from conversation ${memory.sourceConversationId} of user ${owners.get(memory.sourceConversationId!)}`);
    } else if (memory.sourceMessageUserId !== null && memory.sourceMessageUserId !== memory.userId) {
      problems.push(`memory ${memory.id} of user ${memory.userId} comes from a message of user ${memory.sourceMessageUserId}`);
    }
  }
  for (const event of evidence.events) {
    if (event.memoryItemUserId !== null && event.memoryItemUserId !== event.userId) {
      problems.push(`audit event ${event.id} of user ${event.userId} touches a memory of user ${event.memoryItemUserId}`);
    }
  }
  for (const job of evidence.jobs) {
    if (foreign(job.userId, job.conversationId)) {
      problems.push(`write job ${job.id} of user ${job.userId} targets conversation ${job.conversationId} of user ${owners.get(job.conversationId!)}`);
    }
  }
  for (const message of evidence.messages) {
    if (foreign(message.userId, message.conversationId)) {
      problems.push(`message ${message.id} of user ${message.userId} sits in conversation ${message.conversationId} of user ${owners.get(message.conversationId)}`);
    }
  }
  return problems;
}
