import "server-only";
import { insertMemoryEvent } from "@/lib/db/memory-events-sql";
import type { ExtractionType } from "@/lib/db/enums";
import { runMemoryTransaction } from "@/lib/memory/run-memory-transaction";
import type { MemoryWriteResponse } from "@/lib/memory/schemas";
import { checkMemoryWrite } from "@/lib/write-policy/check-memory-write";

export type RefuseMemoryWriteOptions = {
  userId: string;
  content: string;
  memoryType: string;
  hasExpiry?: boolean;
  /** The user's message the write came from: its secret values are refused in the content too. */
  context?: string | null;
  /** The turns before that message: a value answering one that named a secret is refused. */
  preceding?: string | null;
  confidence?: number | null;
  extractionType?: ExtractionType | null;
  correlationId: string;
  /** Internal: a queued job that ends with this refusal is marked done in the same transaction. */
  jobId?: string;
  startedAt?: number;
};

/**
 * Applies the write policy to content about to become a memory. When the policy refuses it,
 * one `refuse` audit row is written (reason code and a preview with every secret replaced; the
 * content itself is never stored) and the refusal is returned for the caller to answer with.
 * Returns null when the content may be written.
 */
export async function refuseMemoryWrite(options: RefuseMemoryWriteOptions): Promise<MemoryWriteResponse | null> {
  const verdict = checkMemoryWrite({
    content: options.content,
    memoryType: options.memoryType,
    hasExpiry: options.hasExpiry,
    context: options.context ?? undefined,
    preceding: options.preceding ?? undefined,
  });
  if (verdict.allowed) return null;
  const startedAt = options.startedAt ?? performance.now();
  const result: MemoryWriteResponse = { action: "refused", reason: verdict.reason, message: verdict.message };
  await runMemoryTransaction({
    userId: options.userId,
    jobId: options.jobId,
    work: async (tx) => {
      const event = await insertMemoryEvent(tx, {
        userId: options.userId,
        memoryItemId: null,
        operation: "refuse",
        confidence: options.confidence ?? null,
        extractionType: options.extractionType ?? null,
        afterContent: verdict.preview,
        reason: verdict.reason,
        correlationId: options.correlationId,
        processingTimeMs: performance.now() - startedAt,
      });
      return { result, events: [event] };
    },
  });
  return result;
}
