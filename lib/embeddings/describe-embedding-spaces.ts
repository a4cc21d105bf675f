import "server-only";
import type { SqlClient } from "@/lib/db/sql-client";
import { countMemoriesBySpace } from "@/lib/db/memory-items-embedding-sql";
import { getEmbeddingSpace } from "@/lib/embeddings/embedding-space";

export const REEMBED_COMMAND = "npm run memories:reembed";

export type EmbeddingSpacesReport = {
  /** the configured space, e.g. "local/mnemo-blend-v1@384" */
  model: string;
  /** active and pending memories whose vector is in another space or of unknown origin */
  outside: number;
  /** those memories per model ("unknown" for rows stored before provenance was recorded) */
  byModel: Record<string, number>;
};

/** Which embedding spaces the memories are in, relative to the configured one. */
export async function describeEmbeddingSpaces(options: { db: SqlClient }): Promise<EmbeddingSpacesReport> {
  const { model } = getEmbeddingSpace();
  const counts = await countMemoriesBySpace(options.db);
  const byModel: Record<string, number> = {};
  let outside = 0;
  for (const c of counts) {
    if (c.model === model) continue;
    byModel[c.model ?? "unknown"] = c.count;
    outside += c.count;
  }
  return { model, outside, byModel };
}

/** "local/mnemo-blend-v1@384", or with "(N memories need re-embedding: npm run memories:reembed)". */
export function formatEmbeddingStatus(report: Pick<EmbeddingSpacesReport, "model" | "outside">): string {
  if (report.outside === 0) return report.model;
  const n = report.outside === 1 ? "1 memory needs" : `${report.outside} memories need`;
  return `${report.model} (${n} re-embedding: ${REEMBED_COMMAND})`;
}
