import { describe, expect, it } from "vitest";
import { scoreDeletes } from "@/eval/scorers/score-deletes";

describe("scoreDeletes", () => {
  it("scores a correct deletion as 1.0/1.0", () => {
    const score = scoreDeletes({ actualDeletes: [{ content: "User is allergic to peanuts", type: "fact" }], expectedDeletes: ["peanuts"] });
    expect(score).toMatchObject({ delete_precision: 1, delete_recall: 1 });
  });

  it("penalises deleting the wrong memory", () => {
    const score = scoreDeletes({
      actualDeletes: [
        { content: "User is allergic to peanuts", type: "fact" },
        { content: "User lives in Oslo", type: "fact" },
      ],
      expectedDeletes: ["peanuts"],
    });
    expect(score).toMatchObject({ delete_precision: 0.5, delete_recall: 1 });
  });

  it("penalises a missed deletion", () => {
    expect(scoreDeletes({ actualDeletes: [], expectedDeletes: ["teal"] })).toMatchObject({ delete_precision: 1, delete_recall: 0 });
  });

  it("requires every word of a multi-word entry and tolerates inflections", () => {
    const actualDeletes = [{ content: "User works at Globex as a data analyst", type: "fact" }];
    expect(scoreDeletes({ actualDeletes, expectedDeletes: ["globex analysts"] })).toMatchObject({ delete_recall: 1 });
    expect(scoreDeletes({ actualDeletes, expectedDeletes: ["globex engineer"] })).toMatchObject({ delete_recall: 0, delete_precision: 0 });
  });

  it("gives 1.0 for both when nothing is expected and nothing is deleted", () => {
    expect(scoreDeletes({ actualDeletes: [], expectedDeletes: [] })).toMatchObject({ delete_precision: 1, delete_recall: 1 });
  });

  it("counts any deletion as wrong when none was expected (declined confirmation)", () => {
    const score = scoreDeletes({ actualDeletes: [{ content: "User plays padel", type: "fact" }], expectedDeletes: [] });
    expect(score).toMatchObject({ delete_precision: 0, delete_recall: 1 });
  });
});
