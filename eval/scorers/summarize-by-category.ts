import type { MemoryWriteTestCase } from "@/eval/schemas";
import type { MemoryWriteCaseResult } from "@/lib/eval/schemas";
import { scoreWrites } from "@/eval/scorers/score-writes";

export type CategorySummary = {
  category: string;
  cases: number;
  writes: number;
  matched: number;
  expected: number;
  precision: number;
  recall: number;
  falsePositives: number;
};

/** Micro-averaged precision and recall per category (the id prefix before the first dash). */
export function summarizeByCategory(options: { cases: MemoryWriteTestCase[]; results: MemoryWriteCaseResult[] }): CategorySummary[] {
  const byId = new Map(options.cases.map((c) => [c.id, c]));
  const rows = new Map<string, CategorySummary>();
  for (const result of options.results) {
    const testCase = byId.get(result.case_id);
    if (!testCase) continue;
    const category = testCase.id.split("-")[0] ?? testCase.id;
    const row = rows.get(category) ?? { category, cases: 0, writes: 0, matched: 0, expected: 0, precision: 1, recall: 1, falsePositives: 0 };
    const score = scoreWrites({ actualWrites: result.actual_writes, expectedWrites: testCase.expected_writes });
    row.cases += 1;
    row.writes += score.actual_count;
    row.matched += score.matched_count;
    row.expected += score.expected_positive_count;
    row.falsePositives += result.false_positive_count;
    rows.set(category, row);
  }
  return [...rows.values()]
    .map((r) => ({ ...r, precision: r.writes === 0 ? 1 : r.matched / r.writes, recall: r.expected === 0 ? 1 : r.matched / r.expected }))
    .sort((a, b) => a.category.localeCompare(b.category));
}
