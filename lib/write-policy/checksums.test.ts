import { describe, expect, it } from "vitest";
import { passesAbaCheck, passesIbanCheck, passesLuhn } from "@/lib/write-policy/checksums";

describe("checksums", () => {
  it("accepts real check digits and rejects near misses", () => {
    expect(passesLuhn("4111111111111111")).toBe(true);
    expect(passesLuhn("4111111111111112")).toBe(false);
    expect(passesLuhn("378282246310005")).toBe(true);
    expect(passesIbanCheck("GB82 WEST 1234 5698 7654 32")).toBe(true);
    expect(passesIbanCheck("GB82 WEST 1234 5698 7654 33")).toBe(false);
    expect(passesIbanCheck("DE89370400440532013000")).toBe(true);
    expect(passesAbaCheck("021000021")).toBe(true);
    expect(passesAbaCheck("021000022")).toBe(false);
  });
});
