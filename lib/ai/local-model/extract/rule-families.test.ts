import { describe, expect, it } from "vitest";
import { extractMemories } from "./extract-memories";

// One block per rule family (see README.md). The sentences are written for these tests, in the
// voices the offline model meets (texting, professional, older and ESL writers); none is taken
// from an eval dataset, so a rule tuned to one dataset sentence shows up here as a failure.
const pick = (text: string) => extractMemories(text, { now: new Date("2026-12-02T10:00:00Z") }).memories.map((m) => [m.content, m.memory_type, m.confidence >= 0.7 ? "save" : "propose"]);

describe("standing instructions: requests that last, or that are about answering", () => {
  it.each([
    ["from now on can you keep replies to three sentences max", "User wants the assistant to keep replies to three sentences max from now on"],
    ["Metric units please, always.", "User prefers Metric units always"],
    ["Please stop recommending podcasts to me", "User wants the assistant to stop recommending podcasts to them"],
    ["give it to me straight, no sugar coating. always.", "User wants the assistant to give it to them straight, no sugar coating"],
    ["you can call me Bex, everyone does", "User prefers to be called Bex"],
  ])("%s", (text, content) => {
    expect(pick(text)).toEqual([[content, "preference", "save"]]);
  });

  it.each(["Write a limerick about a cat", "can you put this in metric just this once?", "Translate 'good morning' into Japanese"])("a task is not stored: %j", (text) => {
    expect(pick(text)).toEqual([]);
  });
});

describe("tastes, whatever their grammar", () => {
  it.each([
    ["i can't stand podcasts where the hosts laugh at their own jokes", "User cannot stand podcasts where the hosts laugh at their own jokes"],
    ["I'm really not into football", "User is really not into football"],
    ["I'm a massive fan of Agatha Christie", "User is a massive fan of Agatha Christie"],
    ["i'd rather walk than take the tube tbh", "User would rather walk than take the tube"],
    ["can't sleep without the fan on", "User cannot sleep without the fan on"],
    ["crisps I could eat by the bag, every day", "User could eat crisps by the bag, every day"],
    ["Audiobooks > podcasts, no contest", "User prefers Audiobooks over podcasts"],
    ["honestly nothing beats a cold pint after a long shift", "User thinks nothing beats a cold pint after a long shift"],
    ["olives though? love them", "User loves olives"],
  ])("%s", (text, content) => {
    expect(pick(text)).toEqual([[content, "preference", "save"]]);
  });
});

describe("who the user is, with the subject left out or said as a label", () => {
  it.each([
    ["work as a paralegal in a small firm in Bristol", [["User works as a paralegal in a small firm in Bristol", "fact", "save"]]],
    ["Native Spanish speaker here", [["User is a Native Spanish speaker", "fact", "save"]]],
    ["dublin born, london based", [["User was born in dublin", "fact", "save"], ["User is based in london", "fact", "save"]]],
    ["I'm a freelance illustrator based in Lisbon", [["User is a freelance illustrator based in Lisbon", "fact", "save"], ["User lives in Lisbon", "fact", "save"]]],
  ])("%s", (text, expected) => {
    expect(pick(text)).toEqual(expected);
  });
});

describe("decisions: choices made and plans committed to; open ones are proposals", () => {
  it.each([
    ["I've decided to go vegan for January", [["User has decided to go vegan for January", "decision", "save"]]],
    ["we went with the blue sofa in the end", [["User went with the blue sofa in the end", "decision", "save"]]],
    ["We've agreed to homeschool our eldest from September.", [["User has agreed to homeschool their eldest from September", "decision", "save"]]],
    ["ok its official we're getting a cockapoo", [["User is getting a cockapoo", "decision", "save"]]],
    ["probably going to sell my car, haven't decided", [["User is going to sell their car", "decision", "propose"]]],
  ])("%s", (text, expected) => {
    expect(pick(text)).toEqual(expected);
  });
});

describe("notes: dated items and things the user asks to keep", () => {
  it.each([
    ["remember the parking permit expires on 31 August", "the parking permit expires on 31 August"],
    ["the boiler service is booked for 9am on the 21st", "the boiler service is booked for 9am on the 21st"],
    ["save my car details pls: MOT due 4 November", "MOT due 4 November"],
  ])("%s", (text, content) => {
    expect(pick(text)).toEqual([[content, "note", expect.any(String)]]);
  });
});

describe("what is never stored", () => {
  it.each([
    "feeling super motivated this morning!",
    "I'm in Manchester for a conference this week",
    "Who won the World Cup in 2010?",
    "If money were no object, I'd retire tomorrow.",
    "I always lose my keys",
    "I need to renew my passport",
    "my best mate just got diagnosed with diabetes",
  ])("%j", (text) => {
    expect(pick(text)).toEqual([]);
  });
});

describe("people in the user's life, and their private matters", () => {
  it("keeps family as part of the user's life", () => {
    expect(pick("My son Arlo is 7 and mad about dinosaurs")).toEqual([["User's son Arlo is 7 and mad about dinosaurs", "fact", "save"]]);
  });

  it("keeps the relation but never another person's health", () => {
    expect(pick("My sister Jo just found out she has epilepsy")).toEqual([["User has a sister, Jo", "fact", "save"]]);
  });

  it("keeps the user's fact beside a secret and leaves the secret out", () => {
    const result = extractMemories("I'm a pharmacist, and the dispensary door code is 4821");
    expect(result.memories.map((m) => m.content)).toEqual(["User is a pharmacist"]);
    expect(result.withheldCredential).toBe(true);
  });
});

describe("errands of the moment and questions without a question mark", () => {
  it.each([
    "I'm shopping for a new mattress, something firm",
    "looking for a quiet pub walk for Saturday, nothing too long",
    "hunting for a birthday present for my nephew",
    "I'm putting together a hamper for my neighbour",
    "is cycling to work actually any safer than driving",
    "does switching to decaf help with sleep",
    "does the library open on Sundays",
  ])("nothing is stored: %j", (text) => {
    expect(pick(text)).toEqual([]);
  });

  it("keeps the statement beside an unmarked question", () => {
    expect(pick("I cycle to work every day. is a helmet camera worth it").map(([content]) => content)).toEqual(["User cycles to work every day"]);
  });
});

describe("working something out is a task, working out is a habit", () => {
  it("stores nothing for a calculation asked of the assistant", () => {
    expect(pick("Work out the cuts for a desk about a metre wide")).toEqual([]);
    expect(pick("figure out how much paint I need for the hallway")).toEqual([]);
  });
});

describe("a way of answering asked as a question", () => {
  it("stands when asked as 'can you …?'", () => {
    expect(pick("Could you keep your replies short? I read them on the bus")).toEqual([["User wants the assistant to keep replies short", "preference", "save"]]);
  });

  it("is a one-off when it says so", () => {
    expect(pick("Could you keep it brief this time?")).toEqual([]);
  });
});
