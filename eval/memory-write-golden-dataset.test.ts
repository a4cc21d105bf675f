import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadMemoryWriteDataset } from "@/eval/load-memory-write-dataset";
import type { MemoryWriteTestCase } from "@/eval/schemas";
import { matchKeyword } from "@/eval/scorers/match-keyword";

// The dataset keeps exactly the spec's fields, so a case's category is its id prefix.
const CATEGORIES = [
  "fact", "pref", "decision", "note", "trivial", "correction", "delete", "duplicate",
  "lowconf", "multi", "episode", "question", "hypothetical", "thirdparty", "credential",
] as const;
const categoryOf = (id: string) => id.replace(/-\d+$/, "");
const userText = (testCase: MemoryWriteTestCase) =>
  testCase.conversation.filter((m) => m.role === "user").map((m) => m.content).join("\n");
const userTurns = (testCase: MemoryWriteTestCase) => testCase.conversation.filter((m) => m.role === "user").length;

const dataset = await loadMemoryWriteDataset(path.join(import.meta.dirname, "memory_write_golden_dataset.json"));
const inCategory = (category: string) => dataset.cases.filter((c) => categoryOf(c.id) === category);

describe("memory_write_golden_dataset.json", () => {
  it("has at least 40 cases", () => {
    expect(dataset.cases.length).toBeGreaterThanOrEqual(40);
  });

  it("names every case <category>-<nn> with a known category, and covers every category", () => {
    for (const testCase of dataset.cases) {
      expect(testCase.id).toMatch(/^[a-z]+-\d{2}$/);
      expect(CATEGORIES).toContain(categoryOf(testCase.id));
    }
    for (const category of CATEGORIES) expect(inCategory(category).length, category).toBeGreaterThan(0);
  });

  it("uses only keywords the user actually said", () => {
    for (const testCase of dataset.cases) {
      const said = userText(testCase);
      for (const expected of testCase.expected_writes) {
        for (const keyword of expected.content_keywords) {
          expect(matchKeyword({ content: said, keyword }), `${testCase.id}: "${keyword}"`).toBe(true);
        }
      }
      for (const entry of testCase.expected_deletes) {
        expect(matchKeyword({ content: said, keyword: entry }), `${testCase.id}: "${entry}"`).toBe(true);
      }
    }
  });

  it("expects no positive write in the no-write categories", () => {
    for (const category of ["trivial", "question", "hypothetical", "thirdparty"]) {
      for (const testCase of inCategory(category)) {
        expect(testCase.expected_writes.filter((w) => w.should_write), testCase.id).toEqual([]);
      }
    }
  });

  it("marks every hedged and credential item as should_write:false", () => {
    for (const testCase of [...inCategory("lowconf"), ...inCategory("credential")]) {
      expect(testCase.expected_writes.some((w) => !w.should_write), testCase.id).toBe(true);
    }
  });

  it("expects exactly one write in duplicate cases", () => {
    for (const testCase of inCategory("duplicate")) expect(testCase.expected_writes, testCase.id).toHaveLength(1);
  });

  it("expects several writes in multi-fact cases", () => {
    for (const testCase of inCategory("multi")) {
      expect(testCase.expected_writes.filter((w) => w.should_write).length, testCase.id).toBeGreaterThanOrEqual(2);
    }
  });

  it("gives episode cases 10+ user turns and an episode write", () => {
    for (const testCase of inCategory("episode")) {
      expect(userTurns(testCase), testCase.id).toBeGreaterThanOrEqual(10);
      expect(testCase.expected_writes.some((w) => w.type === "episode" && w.should_write), testCase.id).toBe(true);
    }
    for (const testCase of dataset.cases.filter((c) => categoryOf(c.id) !== "episode")) {
      expect(userTurns(testCase), testCase.id).toBeLessThan(10);
    }
  });

  it("ends every deletion with the user's answer to the confirmation, and expects deletes only there", () => {
    for (const testCase of inCategory("delete")) {
      const last = testCase.conversation.at(-1)!;
      expect(last.role, testCase.id).toBe("user");
      expect(last.content, testCase.id).toMatch(/^(yes|no)\b/i);
      expect(testCase.expected_deletes.length > 0, testCase.id).toBe(/^yes\b/i.test(last.content));
    }
    expect(inCategory("delete").filter((c) => c.expected_deletes.length > 0).length).toBeGreaterThanOrEqual(2);
    for (const testCase of dataset.cases.filter((c) => categoryOf(c.id) !== "delete")) {
      expect(testCase.expected_deletes, testCase.id).toEqual([]);
    }
  });

  it("expects both the old and the new value written in correction cases", () => {
    for (const testCase of inCategory("correction")) {
      expect(testCase.expected_writes.filter((w) => w.should_write).length, testCase.id).toBeGreaterThanOrEqual(2);
      expect(userText(testCase), testCase.id).toMatch(/actually|changed my mind/i);
    }
  });
});
