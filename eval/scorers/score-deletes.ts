import type { ActualWrite } from "@/lib/eval/schemas";
import { findMaximumMatching } from "@/eval/scorers/find-maximum-matching";
import { matchKeyword } from "@/eval/scorers/match-keyword";

/**
 * Scores the memories that ended up deleted against `expected_deletes`, the same way writes are
 * scored but without types: each expected entry (one or more space-separated keywords) is matched
 * one-to-one to a deleted memory whose content contains all of its words.
 * delete_precision = matched deletions / deletions (1.0 when nothing was deleted);
 * delete_recall = expected deletions found / expected deletions (1.0 when none expected).
 */
export function scoreDeletes(options: { actualDeletes: ActualWrite[]; expectedDeletes: string[] }) {
  const { actualDeletes, expectedDeletes } = options;
  const matchedCount = findMaximumMatching({
    leftCount: actualDeletes.length,
    rightCount: expectedDeletes.length,
    canMatch: (left, right) =>
      expectedDeletes[right]!
        .split(/\s+/)
        .filter((keyword) => keyword.length > 0)
        .every((keyword) => matchKeyword({ content: actualDeletes[left]!.content, keyword })),
  });

  return {
    delete_precision: actualDeletes.length === 0 ? 1 : matchedCount / actualDeletes.length,
    delete_recall: expectedDeletes.length === 0 ? 1 : matchedCount / expectedDeletes.length,
    matched_count: matchedCount,
    actual_count: actualDeletes.length,
    expected_count: expectedDeletes.length,
  };
}
