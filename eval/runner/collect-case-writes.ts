import "server-only";
import type { ActualWrite } from "@/lib/eval/schemas";
import { selectCaseWrites } from "@/eval/runner/select-case-writes";
import { getDb } from "@/lib/db/client";

/** Reads what the agent wrote and deleted for one eval user (see selectCaseWrites for the rules). */
export async function collectCaseWrites(options: {
  userId: string;
}): Promise<{ actualWrites: ActualWrite[]; actualDeletes: ActualWrite[] }> {
  const rows = await getDb().memoryItem.findMany({
    where: { userId: options.userId },
    orderBy: { createdAt: "asc" },
    select: { content: true, type: true, status: true, writeEvents: { select: { operation: true } } },
  });
  return selectCaseWrites(
    rows.map((row) => ({
      content: row.content,
      type: row.type,
      status: row.status,
      operations: row.writeEvents.map((event) => event.operation),
    })),
  );
}
