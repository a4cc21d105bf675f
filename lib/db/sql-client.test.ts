import { describe, expect, it } from "vitest";
import { chooseExactVectorScan, isUsableVector, toVectorLiteral } from "@/lib/db/sql-client";

describe("chooseExactVectorScan", () => {
  it("is exact for small users and for users who are a small share of the table", () => {
    expect(chooseExactVectorScan({ userRows: 100, tableRows: 100_000 })).toBe(true);
    expect(chooseExactVectorScan({ userRows: 2_000, tableRows: 2_000 })).toBe(true); // single-user install
    expect(chooseExactVectorScan({ userRows: 5_200, tableRows: 105_000 })).toBe(true); // measured: 5-7 ms vs 22-37 ms
  });

  it("uses HNSW for users who are a large share of the table or very large", () => {
    expect(chooseExactVectorScan({ userRows: 5_000, tableRows: 15_000 })).toBe(false); // measured: 2.8 ms vs 22 ms
    expect(chooseExactVectorScan({ userRows: 10_001, tableRows: 10_000_000 })).toBe(false);
    expect(chooseExactVectorScan({ userRows: 3_000, tableRows: -1 })).toBe(false); // never analysed: assume it is all theirs
  });
});

describe("vector helpers", () => {
  it("formats pgvector literals and recognises zero vectors", () => {
    expect(toVectorLiteral([0.5, -0.25, 0])).toBe("[0.500000,-0.250000,0.000000]");
    expect(isUsableVector([0, 0, 0])).toBe(false);
    expect(isUsableVector([0, 1e-9, 0])).toBe(true);
    expect(isUsableVector(null)).toBe(false);
  });
});
