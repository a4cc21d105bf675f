import type { ExpectedWrite } from "@/eval/schemas";
import type { ActualWrite } from "@/lib/eval/schemas";
import { matchKeyword } from "@/eval/scorers/match-keyword";

/** An actual write matches an expected one when the types agree and every content keyword appears. */
export function matchWrite(options: { actual: ActualWrite; expected: ExpectedWrite }): boolean {
  const { actual, expected } = options;
  if (actual.type.trim().toLowerCase() !== expected.type) return false;
  return expected.content_keywords.every((keyword) => matchKeyword({ content: actual.content, keyword }));
}
