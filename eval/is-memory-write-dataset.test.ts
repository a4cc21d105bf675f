import { describe, expect, it } from "vitest";
import { isMemoryWriteDataset } from "@/eval/is-memory-write-dataset";

describe("isMemoryWriteDataset", () => {
  it("is true when the file name contains memory_write", () => {
    expect(isMemoryWriteDataset("eval/memory_write_golden_dataset.json")).toBe(true);
    expect(isMemoryWriteDataset("/abs/eval/datasets/memory_write_smoke_dataset.json")).toBe(true);
  });

  it("looks at the file name only, not the directories", () => {
    expect(isMemoryWriteDataset("eval/memory_write/retrieval_dataset.json")).toBe(false);
    expect(isMemoryWriteDataset("eval/retrieval_golden_dataset.json")).toBe(false);
  });
});
