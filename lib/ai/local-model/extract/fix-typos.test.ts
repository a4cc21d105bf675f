import { describe, expect, it } from "vitest";
import { fixTypos } from "./fix-typos";

describe("fixTypos", () => {
  it.each([
    ["decidd to use obsidian going foward", "decided to use obsidian going forward"],
    ["i perfer trains over flying", "i prefer trains over flying"],
    ["Im alergic to sesame", "Im allergic to sesame"],
    ["Perfer tea. Vegitarian since May", "Prefer tea. Vegetarian since May"],
  ])("reads a misspelt rule word as the word: %j", (text, fixed) => {
    expect(fixTypos(text)).toBe(fixed);
  });

  it.each(["I have a fever", "I met Tomasz at Hetzner", "my friend Marrid", "we moved the sofa"])("leaves real words and names alone: %j", (text) => {
    expect(fixTypos(text)).toBe(text);
  });
});
