import { describe, expect, it } from "vitest";
import { type MemoryWriteTestCase } from "@/eval/schemas";
import { MemoryWriteCaseResultSchema } from "@/lib/eval/schemas";
import { scoreCase } from "@/eval/scorers/score-case";

const testCase: MemoryWriteTestCase = {
  id: "delete-01",
  conversation: [{ role: "user", content: "I'm allergic to peanuts." }],
  user_id: "eval-user",
  expected_writes: [{ content_keywords: ["allergic", "peanuts"], type: "fact", should_write: true }],
  expected_deletes: ["peanuts"],
  rubric: "written then deleted",
};

describe("scoreCase", () => {
  it("builds a valid result row with write and delete scores", () => {
    const memory = { content: "User is allergic to peanuts", type: "fact" };
    const result = scoreCase({ testCase, actualWrites: [memory], actualDeletes: [memory], latencyMs: 42 });
    expect(MemoryWriteCaseResultSchema.parse(result)).toEqual(result);
    expect(result).toMatchObject({
      case_id: "delete-01",
      precision: 1,
      recall: 1,
      false_positive_count: 0,
      delete_precision: 1,
      delete_recall: 1,
      latency_ms: 42,
    });
    expect(result).not.toHaveProperty("error");
  });

  it("carries the error through", () => {
    const result = scoreCase({ testCase, actualWrites: [], actualDeletes: [], latencyMs: 1, error: "boom" });
    expect(result).toMatchObject({ error: "boom", recall: 0, delete_recall: 0 });
  });
});
