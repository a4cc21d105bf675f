import "server-only";
import { log } from "@/lib/log";
import { expireMemories } from "@/lib/memory/expire-memories";
import { resumeAccountDeletions } from "@/lib/user-data/resume-account-deletions";

// Expired memories already drop out of search, recall and dedup when due (the SQL filters on
// expires_at); the sweep only makes their status and the audit say so, so a minute is plenty.
const SWEEP_MS = 60_000;

/**
 * Every minute, in each server process: mark memories past their expiry as expired (audited),
 * and finish account deletions a crash left unfinished. Both are idempotent and safe on
 * several replicas at once (per-user write locks, status conditions), and cheap when there is
 * nothing to do (an index range scan each). A random first delay spreads replicas apart.
 * Returns the function that stops it.
 */
export function startDataSweep(): () => void {
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      const { expired } = await expireMemories();
      if (expired > 0) log.info("memories expired", { expired });
      await resumeAccountDeletions();
    } catch (error) {
      log.warn("data sweep failed; the next one retries", { error });
    } finally {
      running = false;
    }
  };
  let interval: NodeJS.Timeout | null = null;
  const first = setTimeout(() => {
    void sweep();
    interval = setInterval(() => void sweep(), SWEEP_MS);
    interval.unref();
  }, Math.round(Math.random() * 10_000));
  first.unref();
  return () => {
    clearTimeout(first);
    if (interval) clearInterval(interval);
  };
}
