import { describe, expect, it } from "vitest";
import { parseEvalArgs } from "@/eval/runner/parse-eval-args";

describe("parseEvalArgs", () => {
  it("applies the spec's thresholds by default", () => {
    expect(parseEvalArgs(["--dataset", "eval/memory_write_golden_dataset.json"])).toMatchObject({
      dataset: "eval/memory_write_golden_dataset.json",
      verbose: false,
      minPrecision: 0.85,
      minRecall: 0.7,
      keep: false,
      store: true,
    });
  });

  it("reads every option", () => {
    const args = parseEvalArgs([
      "--dataset=d_memory_write.json",
      "--verbose",
      "--json",
      "out/run.json",
      "--min-precision",
      "0.9",
      "--min-recall",
      "0.5",
      "--keep",
      "--no-store",
      "--turn-timeout-ms",
      "5000",
    ]);
    expect(args).toMatchObject({ verbose: true, json: "out/run.json", minPrecision: 0.9, minRecall: 0.5, keep: true, store: false, turnTimeoutMs: 5000 });
  });

  it("requires a dataset and rejects thresholds outside 0..1", () => {
    expect(() => parseEvalArgs([])).toThrow(/--dataset <file> is required/);
    expect(() => parseEvalArgs(["--dataset", "x", "--min-recall", "1.5"])).toThrow(/--min-recall: must be between 0 and 1/);
    expect(() => parseEvalArgs(["--dataset", "x", "--min-precision", "high"])).toThrow(/--min-precision/);
  });

  it("rejects unknown options so a typo never falls back to a default", () => {
    expect(() => parseEvalArgs(["--dataset", "x", "--min-precison", "0.9"])).toThrow(/min-precison/);
  });

  it("recognises --help", () => {
    expect(parseEvalArgs(["--help"])).toBe("help");
  });
});
