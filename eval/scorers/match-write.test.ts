import { describe, expect, it } from "vitest";
import { matchWrite } from "@/eval/scorers/match-write";

const expected = { content_keywords: ["python", "typescript"], type: "preference" as const, should_write: true };

describe("matchWrite", () => {
  it("matches when the type agrees and every keyword appears", () => {
    expect(matchWrite({ actual: { content: "User prefers Python over TypeScript", type: "preference" }, expected })).toBe(true);
  });

  it("does not match another type", () => {
    expect(matchWrite({ actual: { content: "User prefers Python over TypeScript", type: "fact" }, expected })).toBe(false);
  });

  it("does not match when a keyword is missing", () => {
    expect(matchWrite({ actual: { content: "User prefers Python", type: "preference" }, expected })).toBe(false);
  });

  it("tolerates the type's case and whitespace", () => {
    expect(matchWrite({ actual: { content: "User prefers Python over TypeScript", type: " Preference" }, expected })).toBe(true);
  });
});
