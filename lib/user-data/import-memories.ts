import "server-only";
import { z } from "zod";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { MemoryStatusSchema } from "@/lib/db/enums";
import { insertMemoryEvent } from "@/lib/db/memory-events-sql";
import { insertImportedMemoryItem, linkImportedSupersession } from "@/lib/db/memory-items-import-sql";
import { lockUserMemoryWrites, selectNearestActiveMemory, selectOwnedMemoryIds } from "@/lib/db/memory-items-sql";
import type { Embedding } from "@/lib/db/sql-client";
import { embedTexts } from "@/lib/embeddings/embed-texts";
import type { Prisma } from "@/lib/generated/prisma/client";
import { publishMemoryEvents } from "@/lib/memory/publish-memory-events";
import type { MemoryEvent } from "@/lib/memory/schemas";
import { IMPORT_MAX_ITEMS } from "@/lib/user-data/import-limits";
import { importedId } from "@/lib/user-data/imported-id";
import { parseImportFile, type ImportItem } from "@/lib/user-data/parse-import-file";
import type { ImportItemReport, ImportReport } from "@/lib/user-data/schemas";
import { checkMemoryWrite, type WritePolicyVerdict } from "@/lib/write-policy/check-memory-write";
import { redactSecrets } from "@/lib/write-policy/redact-secrets";

const OptionsSchema = z.object({
  userId: z.string().uuid(),
  correlationId: z.string().uuid(),
  dryRun: z.boolean(),
  mediaType: z.string().nullable(),
});

const EMBED_BATCH = 256;

/** Thrown inside the transaction to roll a dry run back after it has run every step for real. */
class DryRunRollback extends Error {
  constructor(readonly report: ImportReport) {
    super("dry run");
  }
}

const previewOf = (content: string) => {
  const text = redactSecrets(content).replace(/\s+/g, " ").trim();
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
};

/**
 * Imports a file into the signed-in user's account (a Mnemo export, mem0's memory JSON, or
 * plain statements; see parseImportFile), all or nothing: one transaction under the user's
 * write lock. Every item goes through what a chat write goes through: the write policy (a
 * refusal is audited as `refuse`), the duplicate check against the user's active memories
 * (and the file's earlier items), and a `create` audit row, all with extraction type `import`.
 * No rate limit applies: the file's size and item count bound it instead. Items keep their
 * status, timestamps, expiry and supersede chains; a Mnemo export's provenance (source message
 * text, conversation title) is recreated in this account. Imported rows get ids derived from
 * the account and the file (importedId), so importing the same file again finds them and
 * creates nothing ("already_imported"). A dry run runs exactly the same steps and rolls back,
 * so it reports what the real run will do.
 */
export async function importMemories(options: {
  userId: string;
  bytes: Uint8Array;
  mediaType: string | null;
  dryRun: boolean;
  correlationId: string;
}): Promise<ImportReport> {
  const startedAt = performance.now();
  const { userId, correlationId, dryRun, mediaType } = OptionsSchema.parse(options);
  const { format, items } = parseImportFile({ bytes: options.bytes, mediaType, maxItems: IMPORT_MAX_ITEMS });
  const verdicts = items.map((item) => checkMemoryWrite({ content: item.content, memoryType: item.type, hasExpiry: item.expiresAt !== null }));
  const embeddings = await embedAllowed(items, verdicts);

  const run = async (tx: Prisma.TransactionClient) => {
    await lockUserMemoryWrites(tx, { userId });
    const targetOf = (item: ImportItem) => importedId({ userId, key: `memory:${item.key}` });
    const candidates = items.flatMap((item) => (item.exportId ? [item.exportId, targetOf(item)] : [targetOf(item)]));
    const existing = new Set(
      await selectOwnedMemoryIds(tx, { userId, ids: [...new Set(candidates)], statuses: MemoryStatusSchema.options }),
    );
    const provenance = createProvenance(tx, userId);
    const landedAs = new Map<string, string | null>();
    const created = new Map<string, string>();
    const events: MemoryEvent[] = [];
    const reports: ImportItemReport[] = [];

    for (const [index, item] of items.entries()) {
      const verdict = verdicts[index]!;
      const report = (outcome: ImportItemReport["outcome"], extra: Partial<ImportItemReport> = {}): ImportItemReport => ({
        index,
        preview: verdict.allowed ? previewOf(item.content) : verdict.preview,
        type: item.type,
        status: item.status,
        outcome,
        memoryId: null,
        reason: null,
        message: null,
        ...extra,
      });
      if (landedAs.has(item.key)) {
        reports.push(report("duplicate", { memoryId: landedAs.get(item.key) ?? null, reason: "repeated_in_file", message: "The same item appears earlier in the file." }));
        continue;
      }
      const already = item.exportId && existing.has(item.exportId) ? item.exportId : existing.has(targetOf(item)) ? targetOf(item) : null;
      if (already) {
        landedAs.set(item.key, already);
        reports.push(report("already_imported", { memoryId: already, message: "Already in this account." }));
        continue;
      }
      if (!verdict.allowed) {
        landedAs.set(item.key, null);
        events.push(
          await insertMemoryEvent(tx, {
            userId,
            memoryItemId: null,
            operation: "refuse",
            confidence: item.confidence,
            extractionType: "import",
            afterContent: verdict.preview,
            reason: verdict.reason,
            correlationId,
            processingTimeMs: performance.now() - startedAt,
          }),
        );
        reports.push(report("refused", { reason: verdict.reason, message: verdict.message }));
        continue;
      }
      const embedding = embeddings.get(item.content) ?? null;
      // History (superseded, deleted …) is kept as it was; only what would count now is deduplicated.
      if (embedding && (item.status === "active" || item.status === "pending")) {
        const nearest = await selectNearestActiveMemory(tx, { userId, embedding });
        if (nearest && nearest.similarity > config.memory.duplicateThreshold) {
          landedAs.set(item.key, nearest.id);
          reports.push(report("duplicate", { memoryId: nearest.id, reason: "similar", message: `Already remembered as “${previewOf(nearest.content)}”.` }));
          continue;
        }
      }
      const id = targetOf(item);
      const source = item.source ? await provenance(item) : null;
      await insertImportedMemoryItem(tx, {
        id,
        userId,
        content: item.content,
        type: item.type,
        status: item.status,
        embedding,
        importance: item.importance,
        confidence: item.confidence,
        sourceConversationId: source?.conversationId ?? null,
        sourceMessageId: source?.messageId ?? null,
        createdAt: item.createdAt,
        updatedAt: item.updatedAt,
        deletedAt: item.deletedAt,
        expiresAt: item.expiresAt,
      });
      events.push(
        await insertMemoryEvent(tx, {
          userId,
          memoryItemId: id,
          operation: "create",
          confidence: item.confidence,
          extractionType: "import",
          afterContent: item.content,
          correlationId,
          processingTimeMs: performance.now() - startedAt,
        }),
      );
      landedAs.set(item.key, id);
      created.set(item.key, id);
      reports.push(report("created", { memoryId: id }));
    }

    // Chains last, once every row they name exists: an old version points at whatever its
    // successor became here (created, already present, or the memory it duplicates).
    for (const item of items) {
      const id = created.get(item.key);
      const successor = item.supersededByKey ? landedAs.get(item.supersededByKey) : null;
      if (id && successor && successor !== id) await linkImportedSupersession(tx, { userId, id, supersededBy: successor });
    }

    const count = (outcome: ImportItemReport["outcome"]) => reports.filter((r) => r.outcome === outcome).length;
    const report: ImportReport = {
      dryRun,
      format,
      counts: {
        total: items.length,
        created: count("created"),
        duplicate: count("duplicate"),
        alreadyImported: count("already_imported"),
        refused: count("refused"),
        conversations: provenance.counts.conversations,
        messages: provenance.counts.messages,
      },
      items: reports,
    };
    if (dryRun) throw new DryRunRollback(report);
    return { report, events };
  };

  try {
    // One transaction for the whole file; PGlite runs one statement at a time, so the bound grows with the file.
    const { report, events } = await getDb().$transaction(run, { maxWait: 10_000, timeout: 60_000 + items.length * 20 });
    await publishMemoryEvents({ events });
    return report;
  } catch (error) {
    if (error instanceof DryRunRollback) return error.report;
    throw error;
  }
}

/** Embeddings of the contents the policy allows, each distinct text once, in batches. */
async function embedAllowed(items: ImportItem[], verdicts: WritePolicyVerdict[]): Promise<Map<string, Embedding>> {
  const texts = [...new Set(items.filter((_, i) => verdicts[i]!.allowed).map((item) => item.content))];
  const out = new Map<string, Embedding>();
  for (let at = 0; at < texts.length; at += EMBED_BATCH) {
    const batch = texts.slice(at, at + EMBED_BATCH);
    const { model, vectors } = await embedTexts({ texts: batch });
    batch.forEach((text, i) => out.set(text, { vector: vectors[i]!, model }));
  }
  return out;
}

/**
 * Recreates a Mnemo export's provenance in this account: the source conversation (its title)
 * and the source message (its text, secrets redacted as every stored message is). A
 * conversation or message that is already this user's is used as it is; otherwise it gets an
 * importedId, so a re-import finds it. Another user's ids are never linked to.
 */
function createProvenance(tx: Prisma.TransactionClient, userId: string) {
  const conversations = new Map<string, string>();
  const counts = { conversations: 0, messages: 0 };

  const owned = async (id: string) => (await tx.conversation.findFirst({ where: { id, userId }, select: { id: true } }))?.id ?? null;

  async function conversationFor(item: ImportItem): Promise<string> {
    const source = item.source!;
    const known = conversations.get(source.conversationId);
    if (known) return known;
    const target = importedId({ userId, key: `conversation:${source.conversationId}` });
    let id = await owned(source.conversationId);
    if (!id) {
      const at = source.messageAt ?? item.createdAt ?? new Date();
      const title = redactSecrets(source.conversationTitle ?? "").replace(/\s+/g, " ").trim().slice(0, 200) || "Imported conversation";
      const { count } = await tx.conversation.createMany({ data: [{ id: target, userId, title, createdAt: at, updatedAt: at }], skipDuplicates: true });
      counts.conversations += count;
      id = await owned(target);
    }
    if (!id) throw new Error("an imported conversation id is taken by another account");
    conversations.set(source.conversationId, id);
    return id;
  }

  async function provenance(item: ImportItem): Promise<{ conversationId: string; messageId: string | null }> {
    const source = item.source!;
    const conversationId = await conversationFor(item);
    if (!source.messageId) return { conversationId, messageId: null };
    const own = await tx.message.findFirst({ where: { id: source.messageId, userId }, select: { id: true } });
    if (own) return { conversationId, messageId: own.id };
    if (source.messageText === null) return { conversationId, messageId: null };
    const target = importedId({ userId, key: `message:${source.messageId}` });
    const { count } = await tx.message.createMany({
      data: [
        {
          id: target,
          conversationId,
          userId,
          role: "user",
          parts: [{ type: "text", text: redactSecrets(source.messageText) }],
          createdAt: source.messageAt ?? item.createdAt ?? new Date(),
        },
      ],
      skipDuplicates: true,
    });
    counts.messages += count;
    const mine = await tx.message.findFirst({ where: { id: target, userId }, select: { id: true } });
    return { conversationId, messageId: mine?.id ?? null };
  }

  return Object.assign(provenance, { counts });
}
