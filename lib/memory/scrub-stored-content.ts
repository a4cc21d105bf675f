import "server-only";
import { getDb } from "@/lib/db/client";
import { insertMemoryEvent } from "@/lib/db/memory-events-sql";
import { redactMemoryItem, updateMemoryStatus } from "@/lib/db/memory-items-sql";
import {
  scanConversationTitles,
  scanJobPayloads,
  scanMemoryEventTexts,
  scanMemoryItems,
  scanMessageParts,
  updateConversationTitle,
  updateJobPayload,
  updateMemoryEventTexts,
  updateMessageParts,
} from "@/lib/db/scrub-sql";
import { redactMessageParts } from "@/lib/chat/redact-message-parts";
import { runMemoryTransaction } from "@/lib/memory/run-memory-transaction";
import { checkMemoryWrite, type RefusalReason } from "@/lib/write-policy/check-memory-write";
import { redactSecrets, redactSecretsDeep } from "@/lib/write-policy/redact-secrets";

const FIRST_ID = "00000000-0000-0000-0000-000000000000";
const PRIVATE_REASONS = new Set<RefusalReason>(["secret", "payment_data", "government_id", "third_party_sensitive"]);
const THIRD_PARTY_PLACEHOLDER = "[removed: a sensitive detail about someone else]";

export type ScrubCounts = {
  /** Memories whose content held a secret or someone else's sensitive detail: redacted, and deleted if they were live. */
  memoriesRedacted: Record<string, number>;
  /** Live memories the policy calls junk, soft-deleted (only with purgeJunk). */
  memoriesPurged: Record<string, number>;
  auditRowsRedacted: number;
  messagesRedacted: number;
  jobsRedacted: number;
  titlesRedacted: number;
};

const bump = (counts: Record<string, number>, key: string) => void (counts[key] = (counts[key] ?? 0) + 1);

/**
 * Applies today's write policy to content stored before it existed: memories (every status,
 * episode summaries too), the audit table's before/after text, chat messages, queued job
 * payloads and conversation titles. A memory holding a secret or someone else's sensitive
 * detail gets its content redacted and its embedding dropped, is deleted if it was live, and
 * gets a `redact` audit row with the reason and no content; its older audit text is redacted
 * too. With `purgeJunk`, live memories the policy would refuse as junk are soft-deleted
 * (audited `delete` with the reason). Idempotent: a second run finds nothing to change.
 * `dryRun` only counts.
 */
export async function scrubStoredContent(options: {
  dryRun: boolean;
  purgeJunk: boolean;
  batchSize?: number;
  /** One account only (null or absent: every account). */
  userId?: string | null;
  correlationId: string;
  onProgress?: (phase: string, scanned: number) => void;
}): Promise<ScrubCounts> {
  const { dryRun, purgeJunk, correlationId } = options;
  const limit = options.batchSize ?? 500;
  const userId = options.userId ?? null;
  const db = getDb();
  const counts: ScrubCounts = { memoriesRedacted: {}, memoriesPurged: {}, auditRowsRedacted: 0, messagesRedacted: 0, jobsRedacted: 0, titlesRedacted: 0 };
  const redactedIds = new Map<string, string>();

  for (let afterId = FIRST_ID, scanned = 0; ; ) {
    const rows = await scanMemoryItems(db, { afterId, limit, userId });
    for (const row of rows) {
      const verdict = checkMemoryWrite({ content: row.content, memoryType: row.type });
      if (verdict.allowed) continue;
      const live = row.status === "active" || row.status === "pending";
      if (PRIVATE_REASONS.has(verdict.reason)) {
        bump(counts.memoriesRedacted, verdict.reason);
        const content = (verdict.reason === "third_party_sensitive" ? THIRD_PARTY_PLACEHOLDER : redactSecrets(row.content)).slice(0, 2000);
        redactedIds.set(row.id, content);
        if (dryRun) continue;
        await runMemoryTransaction({
          userId: row.user_id,
          work: async (tx) => {
            await redactMemoryItem(tx, { userId: row.user_id, id: row.id, content, status: live ? "deleted" : undefined });
            const event = await insertMemoryEvent(tx, {
              userId: row.user_id,
              memoryItemId: row.id,
              operation: "redact",
              reason: verdict.reason,
              correlationId,
              processingTimeMs: 0,
            });
            return { result: null, events: [event] };
          },
        });
      } else if (purgeJunk && live && row.type !== "episode") {
        bump(counts.memoriesPurged, verdict.reason);
        if (dryRun) continue;
        await runMemoryTransaction({
          userId: row.user_id,
          work: async (tx) => {
            await updateMemoryStatus(tx, { userId: row.user_id, id: row.id, status: "deleted" });
            const event = await insertMemoryEvent(tx, {
              userId: row.user_id,
              memoryItemId: row.id,
              operation: "delete",
              extractionType: "user_action",
              beforeContent: row.content,
              reason: verdict.reason,
              correlationId,
              processingTimeMs: 0,
            });
            return { result: null, events: [event] };
          },
        });
      }
    }
    scanned += rows.length;
    options.onProgress?.("memories", scanned);
    if (rows.length < limit) break;
    afterId = rows.at(-1)!.id;
  }

  for (let afterId = FIRST_ID, scanned = 0; ; ) {
    const rows = await scanMemoryEventTexts(db, { afterId, limit, userId });
    for (const row of rows) {
      const fix = (text: string | null) => (text === null ? null : redactSecrets(text));
      let before = fix(row.before_content);
      let after = fix(row.after_content);
      // Someone else's sensitive detail has no secret to cut out: the whole text goes.
      if (before !== null && checkMemoryWrite({ content: before, memoryType: "episode" }).allowed === false && !before.includes("removed]")) before = THIRD_PARTY_PLACEHOLDER;
      if (after !== null && checkMemoryWrite({ content: after, memoryType: "episode" }).allowed === false && !after.includes("removed]")) after = THIRD_PARTY_PLACEHOLDER;
      if (before === row.before_content && after === row.after_content) continue;
      counts.auditRowsRedacted++;
      if (!dryRun) await updateMemoryEventTexts(db, { id: row.id, before, after });
    }
    scanned += rows.length;
    options.onProgress?.("audit rows", scanned);
    if (rows.length < limit) break;
    afterId = rows.at(-1)!.id;
  }

  for (let afterId = FIRST_ID, scanned = 0; ; ) {
    const rows = await scanMessageParts(db, { afterId, limit, userId });
    for (const row of rows) {
      if (!Array.isArray(row.value)) continue;
      const parts = redactMessageParts(row.value);
      if (JSON.stringify(parts) === JSON.stringify(row.value)) continue;
      counts.messagesRedacted++;
      if (!dryRun) await updateMessageParts(db, { id: row.id, parts });
    }
    scanned += rows.length;
    options.onProgress?.("messages", scanned);
    if (rows.length < limit) break;
    afterId = rows.at(-1)!.id;
  }

  for (let afterId = FIRST_ID, scanned = 0; ; ) {
    const rows = await scanJobPayloads(db, { afterId, limit, userId });
    for (const row of rows) {
      const payload = redactSecretsDeep(row.value);
      const result = row.extra === null ? null : redactSecretsDeep(row.extra);
      if (JSON.stringify(payload) === JSON.stringify(row.value) && JSON.stringify(result) === JSON.stringify(row.extra)) continue;
      counts.jobsRedacted++;
      if (!dryRun) await updateJobPayload(db, { id: row.id, payload, result });
    }
    scanned += rows.length;
    options.onProgress?.("queued writes", scanned);
    if (rows.length < limit) break;
    afterId = rows.at(-1)!.id;
  }

  for (let afterId = FIRST_ID, scanned = 0; ; ) {
    const rows = await scanConversationTitles(db, { afterId, limit, userId });
    for (const row of rows) {
      const title = redactSecrets(row.title).slice(0, 200);
      if (title === row.title) continue;
      counts.titlesRedacted++;
      if (!dryRun) await updateConversationTitle(db, { id: row.id, title });
    }
    scanned += rows.length;
    options.onProgress?.("conversation titles", scanned);
    if (rows.length < limit) break;
    afterId = rows.at(-1)!.id;
  }
  return counts;
}
