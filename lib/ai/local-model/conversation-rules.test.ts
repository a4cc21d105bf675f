import { generateText, stepCountIs, type ModelMessage } from "ai";
import { describe, expect, it } from "vitest";
import { classifyMessage } from "./classify-message";
import { createLocalMemoryModel } from "./create-local-memory-model";
import { createFakeMemoryTools } from "@/tests/support/fake-memory-tools";
import { rewriteRequest } from "./rewrite-request";

const model = createLocalMemoryModel();

/** Drives a conversation through the model with in-memory tools; returns what each turn called. */
async function converse(texts: string[]) {
  const fake = createFakeMemoryTools();
  const messages: ModelMessage[] = [];
  const turns: { toolName: string; input: Record<string, unknown> }[][] = [];
  for (const text of texts) {
    messages.push({ role: "user", content: text });
    const result = await generateText({ model, messages, tools: fake.tools, stopWhen: stepCountIs(5) });
    messages.push(...result.response.messages);
    turns.push(result.steps.flatMap((s) => s.toolCalls.map((c) => ({ toolName: c.toolName, input: c.input as Record<string, unknown> }))));
  }
  return { turns, fake };
}

describe("a forget request that opens with a filler", () => {
  it.each([
    ["Actually, please delete what you know about my diet, I'd rather keep it out of this.", "User's diet"],
    ["Oh, could you forget my home address, I don't want it stored.", "User's home address"],
    ["Actually, forget my birthday, I'd prefer you didn't know it.", "User's birthday"],
    ["Actually, can you remove my job from your memory? I'd rather not say.", "User's job"],
    ["Actually, scrap what you know about my salary, I'd rather not share that.", "User's salary"],
    ["Hmm, actually, please erase the bit about my asthma.", "User's asthma"],
    ["Actually, I'd rather you didn't remember my age.", "User's age"],
  ])("%s is a forget request for %j", (text, description) => {
    expect(classifyMessage(text).intent).toBe("forget");
    expect(rewriteRequest(text)).toBe(description);
  });

  it("searches, asks, deletes on yes, and saves nothing from the 'I'd rather' clause", async () => {
    const { turns, fake } = await converse([
      "I follow a low-FODMAP diet.",
      "Actually, please remove what you know about my diet, I'd rather keep it private.",
      "yes",
    ]);
    expect(turns[1]).toEqual([{ toolName: "delete_memory", input: { description: "User's diet", confirm: false } }]);
    expect(turns[2]![0]).toMatchObject({ toolName: "delete_memory", input: { confirm: true } });
    expect(fake.writes.map((w) => w.content)).toEqual(["User follows a low-FODMAP diet"]);
    expect(fake.memories.filter((m) => m.status === "active")).toEqual([]);
  });
});

describe("a repeat within the conversation", () => {
  it("does not write a shorter restatement of what was already saved", async () => {
    const { turns, fake } = await converse(["I'm a pilot, long-haul specifically.", "What should I pack for a layover?", "I'm a pilot."]);
    expect(turns[2]).toEqual([]);
    expect(fake.writes.map((w) => w.content)).toEqual(["User is a pilot, long-haul specifically"]);
  });

  it("writes the opposite of an earlier memory, even with the same words", async () => {
    const { fake } = await converse(["I'm not a fan of jazz.", "I'm a fan of jazz."]);
    expect(fake.writes.map((w) => w.content)).toEqual(["User is not a fan of jazz", "User is a fan of jazz"]);
  });

  it("still writes a restatement that adds something", async () => {
    const { fake } = await converse(["I live in Cardiff.", "I live in Cardiff with my husband."]);
    expect(fake.writes.map((w) => w.content)).toEqual(["User lives in Cardiff", "User lives in Cardiff with their husband"]);
  });
});

describe("a household 'we'", () => {
  it("is the user, not their team", async () => {
    const { fake } = await converse(["We adopted two kittens in March."]);
    expect(fake.writes.map((w) => [w.content, w.type])).toEqual([["User adopted two kittens in March", "fact"]]);
  });
});

describe("a correction", () => {
  it("rewrites the old memory when only the new value is given, and supersedes exactly that one", async () => {
    const { turns, fake } = await converse(["My dentist appointment is on 12 March at 9:30.", "I like tea.", "ugh, got the date wrong. it's 19 March, not 12 March"]);
    expect(turns[2]!.map((c) => c.toolName)).toEqual(["query_memory", "save_memory"]);
    expect(fake.memories.map((m) => [m.content, m.type, m.status])).toEqual([
      ["User's dentist appointment is on 12 March at 9:30", "note", "superseded"],
      ["User likes tea", "preference", "active"],
      ["User's dentist appointment is on 19 March at 9:30", "note", "active"],
    ]);
  });

  it("keeps the type of the memory it replaces, and writes nothing for the retraction", async () => {
    const { fake } = await converse(["We're going with Notion for the team wiki.", "update: scrapped Notion. we're using Confluence instead"]);
    expect(fake.writes.map((w) => [w.content, w.type])).toEqual([
      ["User and their team are going with Notion for the team wiki", "decision"],
      ["User is using Confluence instead", "decision"],
    ]);
    expect(fake.memories.map((m) => m.status)).toEqual(["superseded", "active"]);
  });

  it("takes both values from \"X, not Y\" and writes nothing for the apology around it", async () => {
    const { fake } = await converse(["I have a cat, her name is Miso. She won't eat the new food.", "Sorry, I made a mistake — her name is Mochi, not Miso."]);
    expect(fake.memories.map((m) => [m.content, m.status])).toEqual([
      ["User has a cat, Miso", "superseded"],
      ["User has a cat, Mochi", "active"],
    ]);
  });
});

describe("a restatement", () => {
  it("is not written again, even in other words", async () => {
    const { turns, fake } = await converse(["I'm vegetarian.", "Plan me three lunches?", "like I said, no meat for me, I'm veggie"]);
    expect(turns[2]).toEqual([]);
    expect(fake.writes.map((w) => w.content)).toEqual(["User is vegetarian"]);
  });
});

describe("forget 'that'", () => {
  it("looks for the memory saved last in the conversation", async () => {
    const { turns } = await converse(["I'm training for a half marathon in October.", "actually, delete that please"]);
    expect(turns[1]![0]).toEqual({ toolName: "delete_memory", input: { description: "User is training for a half marathon in October", confirm: false } });
  });
});

describe("an instruction about answers that uses a forget word", () => {
  it("saves the standing preference instead of searching memory to delete", async () => {
    const { turns, fake } = await converse(["the emojis are a bit much tbh, can you drop them in every reply"]);
    expect(turns[0]!.map((c) => c.toolName)).toEqual(["save_memory"]);
    expect(fake.memories.map((m) => [m.content, m.type])).toEqual([["User wants the assistant to drop the emojis in every reply", "preference"]]);
  });
});

describe("a message that opens with \"no\" when nothing waits for an answer", () => {
  it("is a preference, not a refusal", async () => {
    const { turns, fake } = await converse(["no mushrooms ever pls. pasta ideas for tonight?"]);
    expect(turns[0]!.map((c) => c.toolName)).toEqual(["save_memory"]);
    expect(fake.memories.map((m) => m.type)).toEqual(["preference"]);
    expect(fake.memories[0]!.content).toMatch(/mushrooms/);
  });
});
