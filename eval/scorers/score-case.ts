import type { MemoryWriteTestCase } from "@/eval/schemas";
import type { ActualWrite, MemoryWriteCaseResult } from "@/lib/eval/schemas";
import { scoreDeletes } from "@/eval/scorers/score-deletes";
import { scoreWrites } from "@/eval/scorers/score-writes";

/**
 * Turns what the runner observed for one case into its result row.
 * `actualWrites` are the memories the agent created automatically while the case ran, including
 * ones later superseded or deleted in the same case, but not pending proposals or rejected items.
 * `actualDeletes` are the memories whose status ended as deleted.
 */
export function scoreCase(options: {
  testCase: MemoryWriteTestCase;
  actualWrites: ActualWrite[];
  actualDeletes: ActualWrite[];
  latencyMs: number;
  error?: string;
}): MemoryWriteCaseResult {
  const writes = scoreWrites({ actualWrites: options.actualWrites, expectedWrites: options.testCase.expected_writes });
  const deletes = scoreDeletes({ actualDeletes: options.actualDeletes, expectedDeletes: options.testCase.expected_deletes });
  return {
    case_id: options.testCase.id,
    precision: writes.precision,
    recall: writes.recall,
    false_positive_count: writes.false_positive_count,
    delete_precision: deletes.delete_precision,
    delete_recall: deletes.delete_recall,
    latency_ms: options.latencyMs,
    ...(options.error === undefined ? {} : { error: options.error }),
    actual_writes: options.actualWrites,
    actual_deletes: options.actualDeletes,
  };
}
