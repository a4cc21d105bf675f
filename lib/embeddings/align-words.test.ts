import { describe, expect, it } from "vitest";
import { createWordAligner } from "@/lib/embeddings/align-words";
import { loadWordTable } from "@/lib/embeddings/load-word-table";

describe("createWordAligner", () => {
  const aligner = createWordAligner(loadWordTable());

  it("scores the same word, or the same stem, as 1", () => {
    expect(aligner.similarity("dog", "dog")).toBe(1);
    expect(aligner.similarity("dogs", "dog")).toBe(1);
    expect(aligner.similarity("lives", "live")).toBe(1);
  });

  it("scores words close in meaning above unrelated ones", () => {
    expect(aligner.similarity("cigarettes", "smoking")).toBeGreaterThan(aligner.similarity("cigarettes", "piano") + 0.3);
    expect(aligner.similarity("job", "nurse")).toBeGreaterThan(aligner.similarity("job", "banana"));
  });

  it("scores a word missing from the table only against itself", () => {
    expect(aligner.similarity("zxqvbn", "dog")).toBe(0);
    expect(aligner.similarity("zxqvbn", "zxqvbn")).toBe(1);
  });

  it("weighs rare words above common ones", () => {
    expect(aligner.weight("penicillin")).toBeGreaterThan(aligner.weight("have"));
    expect(aligner.weight("zxqvbn")).toBe(1);
  });
});
