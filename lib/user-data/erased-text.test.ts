import { describe, expect, it } from "vitest";
import { ERASED_MARKER, erasedParts, erasureNeedles, isErasedParts, jobSourceMessageId, jobTexts, jsonLikePatterns, likePatterns, titleCameFrom } from "@/lib/user-data/erased-text";

describe("erasure needles and patterns", () => {
  it("keeps distinct texts long enough to be specific, longest first", () => {
    expect(erasureNeedles(["User is vegan", " User is vegan ", "Tea", null, ERASED_MARKER, "User is a vegan cook"])).toEqual([
      "User is a vegan cook",
      "User is vegan",
    ]);
  });

  it("escapes LIKE wildcards, and JSON escapes for JSON text", () => {
    expect(JSON.parse(likePatterns(['50% of "the_cat"']))).toEqual(['%50\\% of "the\\_cat"%']);
    expect(JSON.parse(jsonLikePatterns(['say "hi"\nnow']))).toEqual(['%say \\\\"hi\\\\"\\\\nnow%']);
  });

  it("knows a title made from a message, and the marker parts", () => {
    expect(titleCameFrom("I'm a vegetarian and I live in Glasgow with my partner an…", "I'm a vegetarian and I live in Glasgow with my partner and two cats")).toBe(true);
    expect(titleCameFrom("Trip planning", "I'm a vegetarian")).toBe(false);
    expect(isErasedParts(erasedParts())).toBe(true);
    expect(isErasedParts([{ type: "text", text: "hello" }])).toBe(false);
  });

  it("reads the texts and source message a queued write carried", () => {
    const job = { payload: { request: { content: "User is vegan", sourceMessageId: "6F1C2A8E-5B3D-4E7A-9C0B-1D2E3F405162" } }, result: { action: "duplicate_skipped", content: "User is a vegan" } };
    expect(jobTexts(job)).toEqual(["User is vegan", "User is a vegan"]);
    expect(jobSourceMessageId(job)).toBe("6f1c2a8e-5b3d-4e7a-9c0b-1d2e3f405162");
    expect(jobTexts({ payload: { conversationId: "x" }, result: null })).toEqual([]);
  });
});
