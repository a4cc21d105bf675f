import { describe, expect, it } from "vitest";
import { plainQuestion } from "@/lib/embeddings/plain-question";

describe("plainQuestion", () => {
  it("says an idiom's question plainly and leaves other text alone", () => {
    expect(plainQuestion("What do I do for a living?")).toBe("What do I do as a job?");
    expect(plainQuestion("Where am I based these days?")).toBe("Where do I live these days?");
    expect(plainQuestion("I live in Leeds")).toBe("I live in Leeds");
  });
});
