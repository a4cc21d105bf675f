import { describe, expect, it } from "vitest";
import { extractMemories } from "./extract-memories";

// Failure classes seen on a blind held-out set, with sentences written fresh for these tests:
// side clauses that became junk, lead-ins that hid real facts, wrong types, other people's secrets.
const pick = (text: string) => extractMemories(text).memories.map((m) => [m.content, m.memory_type]);

describe("extractMemories keeps the main disclosure and drops side clauses", () => {
  it.each([
    ["I'm a pharmacist and I never manage to remember the depot's hours because they change weekly.", [["User is a pharmacist", "fact"]]],
    ["I keep two calendars, work and personal, and I always get them muddled.", [["User keeps two calendars, work and personal", "fact"]]],
    ["I teach chemistry, which I adore, so I keep forgetting.", [["User teaches chemistry", "fact"]]],
    // A dated plan is a decision (docs/memory-taxonomy.md: "a plan they have committed to").
    ["I'm flying to Lisbon on Tuesday, so I will need to be home that evening.", [["User is flying to Lisbon on Tuesday", "decision"]]],
    ["I'm learning Portuguese because my partner is from Porto.", [["User is learning Portuguese", "fact"]]],
    ["I play the violin, so I practise most evenings.", [["User plays the violin", "fact"]]],
    ["I'm a structural engineer, which means lots of site visits.", [["User is a structural engineer", "fact"]]],
    ["I hate okra, it's far too slimy.", [["User hates okra", "preference"]]],
    ["I've lived in Oslo since 2015.", [["User has lived in Oslo since 2015", "fact"]]],
    ["I have a dog that barks at the postman.", [["User has a dog that barks at the postman", "fact"]]],
    ["I usually cycle to work unless it rains.", [["User usually cycles to work", "fact"]]],
    ["Buses are hopeless here, so I drive to work.", [["User drives to work", "fact"]]],
    ["My phone died last week, so I'm buying a Pixel.", [["User is buying a Pixel", "decision"]]],
    ["I'm an accountant by the way.", [["User is an accountant", "fact"]]],
    // Two claims in one sentence are two memories (docs/memory-taxonomy.md, content conventions).
    ["I live in Leeds and work in York.", [["User lives in Leeds", "fact"], ["User works in York", "fact"]]],
    ["I love Lisbon and I go there every year.", [["User loves Lisbon", "preference"]]],
    ["I'm a sous chef and I always burn my hands on the pans.", [["User is a sous chef", "fact"]]],
    ["I'm vegetarian and I only have 20 minutes.", [["User is vegetarian", "fact"]]],
    ["I'm writing a novel, it's a fantasy set in Wales, and I'm about halfway through.", [["User is writing a novel", "fact"]]],
    ["I don't drink alcohol, for religious reasons.", [["User does not drink alcohol", "fact"]]],
    ["I prefer emails to phone calls because I can reply in my own time.", [["User prefers emails to phone calls", "preference"]]],
    // What the user drinks by habit is a taste; the reason is who they are.
    ["I drink oat milk because I'm lactose intolerant.", [["User drinks oat milk", "preference"], ["User is lactose intolerant", "fact"]]],
    ["I used to live in Madrid but I moved back to Edinburgh last year.", [["User used to live in Madrid", "fact"], ["User moved back to Edinburgh last year", "fact"]]],
  ])("%s", (text, expected) => {
    expect(pick(text)).toEqual(expected);
  });

  it.each([
    "I'm still getting to know the new codebase at work.",
    "I keep losing my reading glasses.",
    "I can never remember which bin goes out on Thursday.",
    "I'm going to the climbing gym tonight.",
    "I always mix them up.",
    "We talked it through for ages.",
    "I'm on a tight budget this month.",
    "I'm trying to decide between a Kia and a Skoda.",
    "I've been twice.",
    "I would quit tomorrow if I won the lottery.",
    "I'd love to live by the sea if money allowed.",
    // A question after a filler, with no question mark.
    "wait whats my parrots name again, do u remember",
    "ok so where do I keep the spare keys",
    // Thinking aloud is not a plan.
    "I'm half thinking I'll sell the van in spring, but I could be talked out of it.",
  ])("writes nothing for %j", (text) => {
    expect(extractMemories(text).memories).toEqual([]);
  });

  it("conjugates the verb after 'never', not 'never' itself", () => {
    expect(extractMemories("I never drink coffee after noon.").memories[0]?.content).toBe("User never drinks coffee after noon");
  });
});

describe("extractMemories sees through lead-ins and reasons", () => {
  it.each([
    ["Hey, some context before my questions: I'm a dentist in Leeds.", [["User is a dentist in Leeds", "fact"]]],
    ["A little about me so the answers fit: I'm a landscape architect.", [["User is a landscape architect", "fact"]]],
    ["The old router kept dropping out, so we're going with a mesh system instead.", [["User is going with a mesh system instead", "decision"]]],
    ["After a long debate, we're going with Rust rather than C++ for the engine.", [["User is going with Rust rather than C++ for the engine", "decision"]]],
    ["We weighed it up and we're going with a heat pump rather than a gas boiler.", [["User is going with a heat pump rather than a gas boiler", "decision"]]],
    ["Pho is easily my favourite soup.", [["User's favourite soup is Pho", "preference"]]],
    ["Jazz is my favourite genre, by far.", [["User's favourite genre is Jazz", "preference"]]],
    ["Spanish is my first language.", [["User's first language is Spanish", "fact"]]],
    ["Python's my main language at work.", [["User's main language at work is Python", "fact"]]],
    ["I went with the Samsung in the end.", [["User went with the Samsung in the end", "decision"]]],
    ["Honestly, sushi is my all-time favourite meal.", [["User's all-time favourite meal is sushi", "preference"]]],
    ["Lasagne is definitely my favourite thing to cook.", [["User's favourite thing to cook is Lasagne", "preference"]]],
    ["We discussed it at length and we're sticking with Postgres.", [["User is sticking with Postgres", "decision"]]],
    ["I'd choose Linux over Windows every time.", [["User would choose Linux over Windows every time", "preference"]]],
    ["I'm not keen on spicy food.", [["User is not keen on spicy food", "preference"]]],
    ["Going forward I'll write all my scripts in Go.", [["User will write all their scripts in Go", "decision"]]],
    ["Please call me Jo from now on.", [["User prefers to be called Jo", "preference"]]],
    // "keep answers short" is itself a standing instruction, a preference of its own.
    ["I'm not a fan of long explanations; keep answers brief.", [["User is not a fan of long explanations", "preference"], ["User wants the assistant to keep answers brief", "preference"]]],
  ])("%s", (text, expected) => {
    expect(pick(text)).toEqual(expected);
  });

  it("keeps a pronoun whose referent is in the clause", () => {
    expect(pick("I live with my sister and her two kids.")).toEqual([["User lives with their sister and her two kids", "fact"]]);
    // A follow-on clause about "them" is left out, even with its referent nearby.
    expect(pick("I have two cats and walk them daily.")).toEqual([["User has two cats", "fact"]]);
  });

  it("drops a fact that leans on someone else's secret for its referent", () => {
    expect(extractMemories("My boss, Karen, is pregnant but hasn't told the team yet, and I'm her deputy.").memories).toEqual([]);
  });

  it.each(["That is my favourite film.", "Below is my question about loops.", "The following is my essay draft.", "Nothing is my favourite."])(
    "does not turn %j around",
    (text) => {
      expect(extractMemories(text).memories).toEqual([]);
    },
  );
});

describe("extractMemories types", () => {
  it.each([
    ["I just moved into a flat in Glasgow.", [["User just moved into a flat in Glasgow", "fact"]]],
    ["I'm really into board games.", [["User is really into board games", "preference"]]],
    ["We adopted a rescue whippet last spring.", [["User adopted a rescue whippet last spring", "fact"]]],
    ["We have two kids and a cat.", [["User has two kids and a cat", "fact"]]],
    ["We're vegetarian at home.", [["User is vegetarian at home", "fact"]]],
    ["We use Slack at work.", [["User and their team use Slack at work", "fact"]]],
    ["We've decided to migrate the billing service to Go.", [["User and their team have decided to migrate the billing service to Go", "decision"]]],
    ["I'll always book an aisle seat, even on short hops.", [["User will always book an aisle seat, even on short hops", "preference"]]],
  ])("%s", (text, expected) => {
    expect(pick(text)).toEqual(expected);
  });
});

describe("extractMemories never stores a credential", () => {
  it("withholds a login whose password has no label", () => {
    const result = extractMemories("My login for the staff portal is mpatel / Gr33n&Tea42.");
    expect(result.memories).toEqual([]);
    expect(result.withheldCredential).toBe(true);
  });
});

describe("extractMemories never stores another person's private matter", () => {
  it.each([
    ["I manage a team of nine, and one of them, Rafael, told me privately he's been diagnosed with epilepsy.", "User manages a team of nine"],
    ["I coach a youth football team and one of the kids, Lena, confided that her mum is in rehab.", "User coaches a youth football team"],
    ["I'm a vet, and my brother told me in private that he owes a lot of money.", "User is a vet"],
    ["My colleague Priyanka has been diagnosed with diabetes, and I'm a data scientist.", "User is a data scientist"],
    ["I run a bakery, and my manager Tom is going through a divorce.", "User runs a bakery"],
    ["I've got a sister, Mia, who just told me she's going through IVF.", "User has got a sister, Mia"],
    ["I'm a GP and one of my patients told me about his HIV diagnosis.", "User is a GP"],
    ["I manage six engineers and Priya on my team is pregnant.", "User manages six engineers"],
  ])("%s", (text, own) => {
    const contents = extractMemories(text).memories.map((m) => m.content);
    expect(contents).toEqual([own]);
  });
});

describe("extractMemories reads standing instructions said in passing", () => {
  it.each([
    ["Kindly address me as Dee only, no need of Ma'am or Madam.", [["User prefers to be called Dee", "preference"]]],
    ["the bullet lists are too much, can you stop using them from now on", [["User wants the assistant to stop using the bullet lists from now on", "preference"]]],
    ["honestly the emojis are a bit much, can you drop them for good", [["User wants the assistant to drop the emojis for good", "preference"]]],
  ])("%s", (text, expected) => {
    expect(pick(text)).toEqual(expected);
  });
});
