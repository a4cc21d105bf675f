import { describe, expect, it } from "vitest";
import { matchKeyword } from "@/eval/scorers/match-keyword";

describe("matchKeyword", () => {
  it.each([
    ["User is a vegetarian", "vegetarians"],
    ["Vegetarians are welcome", "vegetarian"],
    ["User decided to use PostgreSQL", "decide"],
    ["User is deciding between two offers", "decided"],
    ["User prefers Python over TypeScript", "prefer"],
    ["User preferred tea", "prefers"],
    ["User has lived in three cities", "city"],
    ["User's favourite city is Porto", "cities"],
    ["User loves hiking", "hike"],
    ["User has two cats", "cat"],
    ["User and their wife Ana got married in 2019", "married"],
  ])("finds %j for keyword %j (inflections)", (content, keyword) => {
    expect(matchKeyword({ content, keyword })).toBe(true);
  });

  it("ignores case and punctuation", () => {
    expect(matchKeyword({ content: "User lives in BERLIN.", keyword: "berlin" })).toBe(true);
    expect(matchKeyword({ content: "User's dog is named Pixel", keyword: "pixel" })).toBe(true);
  });

  it("matches whole words only, not substrings", () => {
    expect(matchKeyword({ content: "User likes category theory", keyword: "cat" })).toBe(false);
    expect(matchKeyword({ content: "User is vegan", keyword: "vegetarian" })).toBe(false);
    expect(matchKeyword({ content: "User is a vegetarian", keyword: "vegan" })).toBe(false);
  });

  it("needs every word of a multi-word keyword", () => {
    expect(matchKeyword({ content: "User is left-handed", keyword: "left-handed" })).toBe(true);
    expect(matchKeyword({ content: "User prefers a standing desk", keyword: "standing desk" })).toBe(true);
    expect(matchKeyword({ content: "User is left of centre", keyword: "left-handed" })).toBe(false);
  });

  it("keeps numbers", () => {
    expect(matchKeyword({ content: "User is 34 years old", keyword: "34" })).toBe(true);
    expect(matchKeyword({ content: "User is 35 years old", keyword: "34" })).toBe(false);
  });
});
