import { describe, expect, it } from "vitest";
import { okapiBm25, topK } from "@/eval/recall/okapi-bm25";

describe("okapiBm25", () => {
  const docs = [["nurse", "hospital"], ["cat", "miso"], ["nurse", "nurse", "night", "shift", "hospital", "ward"], []];

  it("scores only documents sharing a term, rarer terms and shorter documents higher", () => {
    const [a, b, c, d] = okapiBm25({ docs, query: ["nurse", "miso"] });
    expect(b).toBeGreaterThan(a!); // "miso" is in one document, "nurse" in two
    expect(a).toBeGreaterThan(0);
    expect(c).toBeGreaterThan(0);
    expect(d).toBe(0);
    expect(okapiBm25({ docs, query: ["nurse"] })[0]).toBeGreaterThan(okapiBm25({ docs, query: ["nurse"] })[2]! * 0.8);
  });

  it("ranks the best first and leaves out documents that share nothing", () => {
    expect(topK(okapiBm25({ docs, query: ["miso"] }), 10)).toEqual([1]);
    expect(topK([0.5, 2, 0, 2], 2)).toEqual([1, 3]);
  });
});
