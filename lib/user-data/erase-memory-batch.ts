import "server-only";
import { z } from "zod";
import { selectConversationTitles, updateConversationTitle } from "@/lib/db/conversations-erase-sql";
import { selectEventTextsOfMemories, scrubMemoryEvents } from "@/lib/db/memory-events-erase-sql";
import { insertMemoryEvent } from "@/lib/db/memory-events-sql";
import {
  deleteMemoryItemsForGood,
  selectChainClosure,
  selectEpisodesToErase,
  selectErasureTargets,
} from "@/lib/db/memory-items-erase-sql";
import { countRecallsOfMemories } from "@/lib/db/memory-recalls-erase-sql";
import { deleteJobsForGood, selectJobsToErase } from "@/lib/db/memory-write-jobs-erase-sql";
import {
  selectMessagesByIds,
  selectMessagesQuoting,
  selectMessagesRecalling,
  selectRepliesTo,
  updateMessageParts,
  type ErasureMessageRow,
} from "@/lib/db/messages-erase-sql";
import { messageText } from "@/lib/memory/message-text";
import { runMemoryTransaction } from "@/lib/memory/run-memory-transaction";
import type { MemoryEvent } from "@/lib/memory/schemas";
import {
  ERASED_MARKER,
  erasedParts,
  erasureNeedles,
  isErasedParts,
  jobSourceMessageId,
  jobTexts,
  jsonLikePatterns,
  likePatterns,
  titleCameFrom,
} from "@/lib/user-data/erased-text";
import type { ErasureCounts } from "@/lib/user-data/schemas";

const OptionsSchema = z.object({
  userId: z.string().uuid(),
  memoryIds: z.array(z.string().uuid()).max(500),
  correlationId: z.string().uuid(),
});

export const EMPTY_ERASURE_COUNTS: ErasureCounts = { memories: 0, episodes: 0, auditRows: 0, writeJobs: 0, messages: 0, titles: 0, recalls: 0 };

/** The erase receipt's text: counts and ids, never content. */
function receipt(counts: ErasureCounts, ids: string[]): string {
  return (
    `Erased for good at the user's request: ${counts.memories} ${counts.memories === 1 ? "memory" : "memories"} and ` +
    `${counts.episodes} conversation ${counts.episodes === 1 ? "summary" : "summaries"} (ids ${ids.join(", ")}); ` +
    `text cleared from ${counts.auditRows} audit rows, ${counts.messages} chat messages and ${counts.titles} conversation titles; ` +
    `${counts.writeJobs} queued writes and ${counts.recalls} recall records deleted.`
  );
}

/**
 * Erases these memories of the user for good, with every copy Mnemo keeps, in one transaction
 * under the user's write lock (so it is all done or not at all, and a retry after a crash
 * simply runs again; ids already gone are skipped):
 * - the memories and every version in their supersede chains are deleted (embeddings with
 *   them; their recall rows cascade), and so are the episode summaries of the conversations
 *   they were said in or that quote them;
 * - their audit rows, and any audit row quoting their text, keep what happened but lose the
 *   before/after text;
 * - queued writes that carry them (ids or text) are deleted;
 * - the messages they came from, the answers to those, the answers they were recalled into,
 *   any message quoting their text (and the question an answer quoting them replied to) are
 *   replaced by "[erased at your request]", as is a conversation title made from such a
 *   message or quoting them;
 * - one `erase` audit row remains as the receipt: counts and ids, no content.
 */
export async function eraseMemoryBatch(options: {
  userId: string;
  memoryIds: string[];
  correlationId: string;
}): Promise<{ counts: ErasureCounts; memoryIds: string[] }> {
  const startedAt = performance.now();
  const { userId, memoryIds, correlationId } = OptionsSchema.parse(options);
  const { result } = await runMemoryTransaction({
    userId,
    work: async (tx) => {
      const chain = await selectChainClosure(tx, { userId, ids: memoryIds });
      const targets = await selectErasureTargets(tx, { userId, ids: chain });
      if (targets.length === 0) return { result: { counts: EMPTY_ERASURE_COUNTS, memoryIds: [] as string[] }, events: [] as MemoryEvent[] };
      const ids = targets.map((t) => t.id);

      // What to look for: every wording of the memories, what the outbox carried, the messages they came from.
      const texts: (string | null)[] = [...targets.map((t) => t.content), ...(await selectEventTextsOfMemories(tx, { userId, ids }))];
      const firstJobs = await selectJobsToErase(tx, { userId, ids, patterns: jsonLikePatterns(erasureNeedles(texts)) });
      const sourceIds = new Set(targets.flatMap((t) => (t.source_message_id ? [t.source_message_id] : [])));
      for (const job of firstJobs) {
        texts.push(...jobTexts(job));
        const source = jobSourceMessageId(job);
        if (source) sourceIds.add(source);
      }
      const sources = await selectMessagesByIds(tx, { userId, ids: [...sourceIds] });
      texts.push(...sources.map((m) => messageText(m.parts)));
      const needles = erasureNeedles(texts);
      const patterns = likePatterns(needles);
      const jsonPatterns = jsonLikePatterns(needles);

      // Messages: the sources, those quoting any wording, the answers the memories were recalled into,
      // the questions of quoting answers, and every answer to an erased user message.
      const erased = new Map<string, ErasureMessageRow>();
      const add = (rows: ErasureMessageRow[]) => rows.forEach((m) => erased.set(m.id, m));
      add(sources);
      add(await selectMessagesQuoting(tx, { userId, patterns: jsonPatterns }));
      add(await selectMessagesRecalling(tx, { userId, memoryIds: ids }));
      const questions = [...erased.values()].flatMap((m) => (m.role === "assistant" && m.reply_to_id && !erased.has(m.reply_to_id) ? [m.reply_to_id] : []));
      add(await selectMessagesByIds(tx, { userId, ids: questions }));
      const userMessages = [...erased.values()].filter((m) => m.role === "user");
      add(await selectRepliesTo(tx, { userId, messageIds: userMessages.map((m) => m.id) }));

      const conversations = new Set([
        ...targets.flatMap((t) => (t.source_conversation_id ? [t.source_conversation_id] : [])),
        ...[...erased.values()].map((m) => m.conversation_id),
        ...firstJobs.flatMap((j) => (j.conversation_id ? [j.conversation_id] : [])),
      ]);
      const episodes = await selectEpisodesToErase(tx, { userId, conversationIds: [...conversations], patterns, excludeIds: ids });
      const all = [...ids, ...episodes];
      const episodeJobs = episodes.length ? await selectJobsToErase(tx, { userId, ids: episodes, patterns: "[]" }) : [];

      const counts: ErasureCounts = { ...EMPTY_ERASURE_COUNTS, memories: ids.length, episodes: episodes.length };
      counts.recalls = await countRecallsOfMemories(tx, { userId, memoryIds: all });
      counts.auditRows = await scrubMemoryEvents(tx, { userId, ids: all, patterns });
      counts.writeJobs = await deleteJobsForGood(tx, { userId, ids: [...new Set([...firstJobs, ...episodeJobs].map((j) => j.id))] });
      for (const message of erased.values()) {
        if (isErasedParts(message.parts)) continue;
        counts.messages += await updateMessageParts(tx, { userId, id: message.id, parts: erasedParts() });
      }
      const originals = userMessages.flatMap((m) => {
        const text = messageText(m.parts);
        return text ? [{ conversationId: m.conversation_id, text }] : [];
      });
      const titled = await selectConversationTitles(tx, { userId, ids: [...new Set(originals.map((o) => o.conversationId))], patterns });
      for (const conversation of titled) {
        if (conversation.title === ERASED_MARKER) continue;
        const quotes = needles.some((n) => conversation.title.toLowerCase().includes(n.toLowerCase()));
        const madeFrom = originals.some((o) => o.conversationId === conversation.id && titleCameFrom(conversation.title, o.text));
        if (quotes || madeFrom) counts.titles += await updateConversationTitle(tx, { userId, id: conversation.id, title: ERASED_MARKER });
      }
      await deleteMemoryItemsForGood(tx, { userId, ids: all });

      const event = await insertMemoryEvent(tx, {
        userId,
        memoryItemId: null,
        operation: "erase",
        extractionType: "user_action",
        afterContent: receipt(counts, all),
        correlationId,
        processingTimeMs: performance.now() - startedAt,
      });
      return { result: { counts, memoryIds: all }, events: [event] };
    },
  });
  return result;
}
