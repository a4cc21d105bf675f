import { describe, expect, it } from "vitest";
import { scoreRecallAnswer } from "@/eval/recall/score-recall-answer";

const recalled = [
  { n: 1, id: "a" },
  { n: 2, id: "b" },
];
const ownIds = new Set(["a", "b", "c"]);

describe("scoreRecallAnswer", () => {
  it("is correct when the answer cites an expected memory", () => {
    expect(scoreRecallAnswer({ answer: "You're a nurse [2].", recalled, expectedIds: ["b"], ownIds })).toMatchObject({ correct: true, citedExpected: true, recalledExpected: true });
  });
  it("is wrong when it cites only another memory, or nothing", () => {
    expect(scoreRecallAnswer({ answer: "You live in Leeds [1].", recalled, expectedIds: ["b"], ownIds }).correct).toBe(false);
    expect(scoreRecallAnswer({ answer: "I don't know.", recalled, expectedIds: ["b"], ownIds }).correct).toBe(false);
  });
  it("is wrong when it cites a number it was not given or a memory that is not the user's", () => {
    expect(scoreRecallAnswer({ answer: "You're a nurse [2][5].", recalled, expectedIds: ["b"], ownIds })).toMatchObject({ correct: false, citedForeign: true });
    expect(scoreRecallAnswer({ answer: "[1]", recalled: [{ n: 1, id: "z" }], expectedIds: ["z"], ownIds })).toMatchObject({ correct: false, citedForeign: true });
  });
  it("wants no citation when nothing in memory answers", () => {
    expect(scoreRecallAnswer({ answer: "I don't have that saved.", recalled, expectedIds: [], ownIds })).toMatchObject({ correct: true, abstained: true });
    expect(scoreRecallAnswer({ answer: "You like tea [1].", recalled, expectedIds: [], ownIds }).correct).toBe(false);
  });
});
