import "server-only";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { hasLiveEpisodeJob } from "@/lib/db/memory-write-jobs-sql";
import { countMessages } from "@/lib/chat/count-messages";
import { enqueueMemoryWrite } from "@/lib/jobs/enqueue-memory-write";

/**
 * After a turn: once the conversation is long enough, queue its episode summary (once).
 * The summary itself re-checks the thresholds and the once-only rule; this just avoids
 * queueing a job on every later turn.
 */
export async function maybeEnqueueEpisode(options: { userId: string; conversationId: string; correlationId: string }) {
  const counts = await countMessages(options);
  const { episodeUserMessageThreshold, episodeTotalMessageThreshold } = config.memory;
  if (counts.user < episodeUserMessageThreshold && counts.total < episodeTotalMessageThreshold) return false;
  // A job that failed for good (model down through every retry) may be tried again next turn.
  if (await hasLiveEpisodeJob(getDb(), options)) return false;
  const queued = await enqueueMemoryWrite({
    userId: options.userId,
    conversationId: options.conversationId,
    kind: "episode",
    payload: { conversationId: options.conversationId },
    correlationId: options.correlationId,
  });
  return !queued.alreadyQueued;
}
