import { describe, expect, it } from "vitest";
import type { ExpectedWrite, MemoryType } from "@/eval/schemas";
import { scoreWrites } from "@/eval/scorers/score-writes";

const yes = (type: MemoryType, ...content_keywords: string[]): ExpectedWrite => ({ type, content_keywords, should_write: true });
const no = (type: MemoryType, ...content_keywords: string[]): ExpectedWrite => ({ type, content_keywords, should_write: false });

describe("scoreWrites", () => {
  it("gives precision and recall 1.0 when every write is expected and found", () => {
    const score = scoreWrites({
      actualWrites: [
        { content: "User is a vegetarian", type: "fact" },
        { content: "User lives in Lisbon", type: "fact" },
      ],
      expectedWrites: [yes("fact", "vegetarian"), yes("fact", "lisbon")],
    });
    expect(score).toMatchObject({ precision: 1, recall: 1, false_positive_count: 0 });
  });

  it("lowers precision for unexpected writes and counts them as false positives", () => {
    const score = scoreWrites({
      actualWrites: [
        { content: "User is a vegetarian", type: "fact" },
        { content: "User said hi", type: "note" },
      ],
      expectedWrites: [yes("fact", "vegetarian")],
    });
    expect(score).toMatchObject({ precision: 0.5, recall: 1, false_positive_count: 1 });
  });

  it("counts a write matching a should_write:false entry as a false positive", () => {
    const score = scoreWrites({
      actualWrites: [{ content: "User's password is hunter2", type: "fact" }],
      expectedWrites: [no("fact", "password")],
    });
    expect(score).toMatchObject({ precision: 0, recall: 1, false_positive_count: 1 });
  });

  it("lets a should_write:false match win over a positive match", () => {
    const score = scoreWrites({
      actualWrites: [{ content: "User works at Acme and their API key is sk-123", type: "fact" }],
      expectedWrites: [yes("fact", "acme"), no("fact", "api", "key")],
    });
    expect(score).toMatchObject({ precision: 0, recall: 0, false_positive_count: 1 });
  });

  it("lowers recall for missed writes", () => {
    const score = scoreWrites({
      actualWrites: [{ content: "User is a software engineer", type: "fact" }],
      expectedWrites: [yes("fact", "engineer"), yes("fact", "lisbon"), yes("fact", "dog", "pixel"), yes("preference", "jazz")],
    });
    expect(score).toMatchObject({ precision: 1, recall: 0.25, false_positive_count: 0 });
  });

  it("lets a duplicate write satisfy one expectation only", () => {
    const score = scoreWrites({
      actualWrites: [
        { content: "User is a night owl", type: "fact" },
        { content: "User is a night owl", type: "fact" },
      ],
      expectedWrites: [yes("fact", "night", "owl")],
    });
    expect(score).toMatchObject({ precision: 0.5, recall: 1, false_positive_count: 1 });
  });

  it("finds the best one-to-one assignment, not the first greedy one", () => {
    // The first write could satisfy either expectation; greedy would give it MySQL and strand PostgreSQL.
    const score = scoreWrites({
      actualWrites: [
        { content: "User decided to use PostgreSQL instead of MySQL", type: "decision" },
        { content: "User is going with MySQL", type: "decision" },
      ],
      expectedWrites: [yes("decision", "mysql"), yes("decision", "postgresql")],
    });
    expect(score).toMatchObject({ precision: 1, recall: 1, false_positive_count: 0 });
  });

  it("gives 1.0 for both when nothing is expected and nothing is written", () => {
    expect(scoreWrites({ actualWrites: [], expectedWrites: [] })).toMatchObject({ precision: 1, recall: 1, false_positive_count: 0 });
    expect(scoreWrites({ actualWrites: [], expectedWrites: [no("fact", "bob")] })).toMatchObject({ precision: 1, recall: 1 });
  });

  it("gives recall 0 and precision 1.0 when nothing was written but something was expected", () => {
    expect(scoreWrites({ actualWrites: [], expectedWrites: [yes("fact", "vegetarian")] })).toMatchObject({ precision: 1, recall: 0 });
  });

  it("does not count a type mismatch as a match", () => {
    const score = scoreWrites({
      actualWrites: [{ content: "User loves hiking", type: "fact" }],
      expectedWrites: [yes("preference", "hiking")],
    });
    expect(score).toMatchObject({ precision: 0, recall: 0, false_positive_count: 1 });
  });
});
