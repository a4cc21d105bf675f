import { describe, expect, it } from "vitest";
import { findExpiry } from "./find-expiry";

// A Wednesday.
const now = new Date("2026-12-02T10:00:00Z");

describe("findExpiry", () => {
  it.each([
    ["remember for this week I'm on call", "2026-12-06T23:59:59.000Z"],
    ["just for this week, remember I'm working from the York office", "2026-12-06T23:59:59.000Z"],
    ["until Friday I'm working from Leeds", "2026-12-04T23:59:59.000Z"],
    ["through next monday I'm in Berlin, remember that", "2026-12-14T23:59:59.000Z"],
    ["for the next two weeks I'm at the Bristol office", "2026-12-16T10:00:00.000Z"],
    ["remember that for 3 days I'm on a liquid diet", "2026-12-05T10:00:00.000Z"],
    ["just for today, remember I'm using my partner's laptop", "2026-12-02T23:59:59.000Z"],
    ["remember until the end of the month I'm on leave", "2026-12-31T23:59:59.000Z"],
    ["until 20 January I'm staying with my sister, keep that in mind", "2027-01-20T23:59:59.000Z"],
  ])("%s → %s", (text, at) => {
    expect(findExpiry(text, now)?.at).toBe(at);
  });

  it.each(["I'm in Berlin this week for a conference", "I've been vegetarian for 10 years", "I work nights", "just for today I'm tired"])("sets no expiry for %j", (text) => {
    expect(findExpiry(text, now)).toBeNull();
  });
});
