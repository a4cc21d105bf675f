import type { ActualWrite } from "@/lib/eval/schemas";

/** A memory row of one eval user, with the operations its audit trail recorded. */
export type CaseMemoryRow = {
  content: string;
  type: string;
  status: string;
  /** memory_write_events.operation values recorded for this memory. */
  operations: string[];
};

// Written automatically = the agent's write took effect. A row still pending or rejected is a
// proposal; a proposal that was later deleted is still one unless the user confirmed it.
const WRITTEN_STATUSES = new Set(["active", "superseded", "deleted"]);

/**
 * Splits what one case left in memory_items into the scorer's inputs: `actualWrites`, every
 * memory written automatically (including ones later superseded or deleted in the same case),
 * and `actualDeletes`, the memories whose status ended as deleted.
 */
export function selectCaseWrites(rows: CaseMemoryRow[]): { actualWrites: ActualWrite[]; actualDeletes: ActualWrite[] } {
  const written = rows.filter(
    (row) =>
      WRITTEN_STATUSES.has(row.status) && !(row.operations.includes("propose") && !row.operations.includes("confirm")),
  );
  const toWrite = (row: CaseMemoryRow): ActualWrite => ({ content: row.content, type: row.type });
  return {
    actualWrites: written.map(toWrite),
    actualDeletes: rows.filter((row) => row.status === "deleted").map(toWrite),
  };
}
