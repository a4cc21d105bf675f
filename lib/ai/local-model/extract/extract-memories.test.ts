import { describe, expect, it } from "vitest";
import { classifyMessage } from "../classify-message";

import { extractMemories } from "./extract-memories";
import { toSecondPerson } from "../to-second-person";

// Phrasings that are not in the golden dataset, to keep the rules honest about generalising.
const pick = (text: string) => extractMemories(text).memories.map((m) => [m.content, m.memory_type]);

describe("extractMemories", () => {
  it.each([
    ["My name's Priya.", [["User's name is Priya", "fact"]]],
    ["Call me Max.", [["User prefers to be called Max", "preference"]]],
    ["I'm originally from Brazil but I've lived in Toronto for five years.", [["User is originally from Brazil", "fact"], ["User has lived in Toronto for five years", "fact"]]],
    ["I use Arch, btw.", [["User uses Arch", "fact"]]],
    ["I go running every morning.", [["User goes running every morning", "fact"]]],
    ["I'm a huge fan of Studio Ghibli films.", [["User is a huge fan of Studio Ghibli films", "preference"]]],
    ["Honestly I hate Java.", [["User hates Java", "preference"]]],
    ["I can't eat gluten.", [["User cannot eat gluten", "fact"]]],
    ["I just got promoted to senior engineer!", [["User just got promoted to senior engineer", "fact"]]],
    ["We've settled on Kubernetes for deployment.", [["User and their team have settled on Kubernetes for deployment", "decision"]]],
    ["I'll go with the blue one.", [["User will go with the blue one", "decision"]]],
    ["I'm going to start learning the piano next month.", [["User is going to start learning the piano next month", "decision"]]],
    ["Don't forget that my flight to Oslo leaves on Friday.", [["User's flight to Oslo leaves on Friday", "note"]]],
    ["Remember that my sister's birthday is on May 5.", [["User's sister's birthday is on May 5", "note"]]],
    ["Can you remember that I'm vegan?", [["User is vegan", "fact"]]],
    ["i live in berlin and i love techno", [["User lives in berlin", "fact"], ["User loves techno", "preference"]]],
    // A relationship is a fact of the user's life (docs/memory-taxonomy.md: "My sister Ana lives in Lisbon").
    ["My sister lives in Paris.", [["User's sister lives in Paris", "fact"]]],
  ])("%s", (text, expected) => {
    expect(pick(text)).toEqual(expected);
  });

  it.each([
    "I heard that Tom got fired.",
    "What if I quit my job?",
    "I wish I had more time.",
    "I'm just looking for a good book.",
    "I need help with my code.",
    "The Eiffel Tower is 330 metres tall.",
    "ok",
    "",
    "Ich wohne in Berlin.",
    "Remember that my brother is getting divorced.",
    "I'm moving to Austin, but it's a secret.",
    "I have a question about React hooks.",
    "Remember when we talked about Rust?",
    "I got an error when running npm install",
    "I need a recipe for dinner",
    "I'd like to order a pizza",
    "I saw a great movie yesterday",
    "Off the record, I'm interviewing at another company.",
    "Don't remember this, but I'm pregnant.",
  ])("stores nothing for %j", (text) => {
    expect(extractMemories(text).memories).toEqual([]);
  });

  it("calibrates confidence by how the user said it", () => {
    const confidence = (text: string) => extractMemories(text).memories[0]?.confidence;
    expect(confidence("Remember that I'm vegan.")).toBe(0.95);
    expect(confidence("I'm vegan.")).toBe(0.85);
    expect(confidence("I think I might be vegan.")).toBe(0.6);
    expect(confidence("I'm probably going to switch to Linux.")).toBe(0.6);
    expect(extractMemories("I'm vegan.", { correction: true }).memories[0]?.confidence).toBe(0.9);
    // Hedged over and over: too vague to even propose.
    expect(confidence("I think maybe I might possibly move, not sure.")).toBeUndefined();
  });

  it("ranks decisions and identity facts above passing preferences", () => {
    const importance = (text: string) => extractMemories(text).memories[0]!.importance;
    expect(importance("I decided to use PostgreSQL.")).toBeGreaterThan(importance("I like green tea."));
    expect(importance("I live in Berlin.")).toBeGreaterThan(importance("I like green tea."));
  });

  it("keeps secrets out and says so", () => {
    const result = extractMemories("I'm a pilot. My PIN code is 4921.");
    expect(result.memories.map((m) => m.content)).toEqual(["User is a pilot"]);
    expect(result.withheldCredential).toBe(true);
  });
});

describe("classifyMessage", () => {
  it.each([
    ["yes", "affirm"],
    ["Yes, delete it.", "affirm"],
    ["go ahead", "affirm"],
    ["yes, but only the first one", "partial-affirm"],
    ["No, keep it.", "deny"],
    ["Forget that I'm a vegetarian", "forget"],
    ["Can you delete what you know about my job?", "forget"],
    ["Don't forget that I'm vegan", "statement"],
    ["What do you remember about me?", "recall-all"],
    ["What do you know about me", "recall-all"],
    ["Can you remember that I'm vegan?", "statement"],
    ["What's my favourite language?", "recall-question"],
    ["Where do I live?", "recall-question"],
    ["Should I learn Rust or Go?", "question"],
    ["Actually, I moved to Munich.", "correction"],
    ["I'm not vegetarian anymore.", "correction"],
    ["Hello!", "greeting"],
    ["thanks a lot", "thanks"],
    ["", "empty"],
  ])("%j → %s", (text, intent) => {
    expect(classifyMessage(text).intent).toBe(intent);
  });
});

describe("secrets (the write policy's findSecrets)", () => {
  it.each([
    ["I'm a chef. My password is hunter2, by the way.", ["User is a chef"]],
    ["key: sk-proj-abcdefghijklmnop1234 and I work at Initech", ["User works at Initech"]],
    ["I live in Leeds, card 4111 1111 1111 1111 for the order", ["User lives in Leeds"]],
  ])("%s keeps the facts and withholds the secret", (text, contents) => {
    const result = extractMemories(text);
    expect(result.memories.map((m) => m.content)).toEqual(contents);
    expect(result.withheldCredential).toBe(true);
  });

  it("leaves ordinary numbers alone", () => {
    expect(extractMemories("My order 1234567890123 arrived and I use C++20 daily").withheldCredential).toBe(false);
  });
});

describe("toSecondPerson", () => {
  it.each([
    ["User is a vegetarian", "you're a vegetarian"],
    ["User lives in Berlin", "you live in Berlin"],
    ["User's favourite language is Rust", "your favourite language is Rust"],
    ["User has two cats", "you have two cats"],
    ["User and their team decided to use Svelte", "you and your team decided to use Svelte"],
    ["User prefers Python because they find it cleaner", "you prefer Python because you find it cleaner"],
    ["User no longer works at Globex", "you no longer work at Globex"],
    ["User's dog is called Pixel", "your dog is called Pixel"],
  ])("%s → %s", (content, said) => {
    expect(toSecondPerson(content)).toBe(said);
  });
});
