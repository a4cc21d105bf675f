import { describe, expect, it } from "vitest";
import { cosineSimilarity } from "@/lib/embeddings/cosine-similarity";
import { embedLocal } from "@/lib/embeddings/embed-local";

const embed = (text: string) => embedLocal({ text, dimensions: 384 });
const sim = (a: string, b: string) => cosineSimilarity({ a: embed(a), b: embed(b) });

describe("embedLocal", () => {
  it("is deterministic, 384-d and unit length", () => {
    const a = embed("I live in Berlin");
    expect(a).toHaveLength(384);
    expect(embed("I live in Berlin")).toEqual(a);
    expect(Math.hypot(...a)).toBeCloseTo(1, 6);
  });

  it("scores identical and near-identical statements at or above 0.92", () => {
    expect(sim("I live in Berlin", "I live in Berlin")).toBeCloseTo(1, 6);
    expect(sim("I live in Berlin", "i live in berlin.")).toBeGreaterThanOrEqual(0.92);
    expect(sim("The user prefers dark mode", "User prefers dark mode!")).toBeGreaterThanOrEqual(0.92);
    expect(sim("I'm allergic to peanuts", "I am allergic to peanuts")).toBeGreaterThanOrEqual(0.92);
    expect(sim("My café is in Zürich", "My cafe is in Zurich")).toBeGreaterThanOrEqual(0.92);
  });

  it("scores unrelated statements low", () => {
    expect(Math.abs(sim("I live in Berlin", "My dog is called Rex"))).toBeLessThan(0.2);
    expect(Math.abs(sim("I have two kids", "Prefers TypeScript over JavaScript"))).toBeLessThan(0.2);
  });

  it("keeps a negation and a changed detail below the duplicate threshold", () => {
    expect(sim("I like coffee", "I don't like coffee")).toBeLessThan(0.92);
    expect(sim("I live in Berlin", "I live in Paris")).toBeLessThan(0.92);
  });

  it("gives related statements that share key words a clearly positive score", () => {
    expect(sim("User works as a software engineer at Acme", "The user is a software engineer at Acme")).toBeGreaterThan(0.6);
  });

  it("still embeds a text made only of function words", () => {
    expect(embed("I am").some((v) => v !== 0)).toBe(true);
    expect(sim("I am", "i am.")).toBeGreaterThanOrEqual(0.92);
  });

  it("returns the zero vector for text without words", () => {
    expect(embed("!!! ...").every((v) => v === 0)).toBe(true);
  });
});
