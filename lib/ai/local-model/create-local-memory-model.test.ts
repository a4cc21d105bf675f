import type { LanguageModelV3CallOptions, LanguageModelV3StreamPart } from "@ai-sdk/provider";
import { generateText, stepCountIs, streamText, tool, type ModelMessage, type ToolSet } from "ai";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { EPISODE_SUMMARY_SYSTEM_PROMPT } from "@/lib/ai/prompts/episode-summary-prompt";
import { createLocalMemoryModel } from "./create-local-memory-model";
import { createFakeMemoryTools } from "@/tests/support/fake-memory-tools";

const model = createLocalMemoryModel();

/** Runs user messages one turn at a time through the model, as the chat route does. */
async function chat(texts: string[], tools: ToolSet = createFakeMemoryTools().tools) {
  const messages: ModelMessage[] = [];
  const turns = [];
  for (const text of texts) {
    messages.push({ role: "user", content: text });
    const result = await generateText({ model, messages, tools, stopWhen: stepCountIs(5) });
    messages.push(...result.response.messages);
    turns.push({ text: result.text, steps: result.steps.map((s) => s.toolCalls.map((c) => ({ toolName: c.toolName, input: c.input as Record<string, unknown> }))) });
  }
  return turns;
}

const calls = (turn: { steps: { toolName: string; input: Record<string, unknown> }[][] }) => turn.steps.flat();

describe("createLocalMemoryModel: saving", () => {
  it("saves a plain first-person fact and confirms it", async () => {
    const [turn] = await chat(["By the way, I'm a vegetarian."]);
    expect(calls(turn!)).toEqual([
      { toolName: "save_memory", input: { content: "User is a vegetarian", memory_type: "fact", confidence: 0.85, importance: 0.8 } },
    ]);
    expect(turn!.text).toBe("Got it — I'll remember that you're a vegetarian.");
  });

  it("saves a preference and a decision with their types", async () => {
    const [pref, decision] = await chat(["I prefer Python over TypeScript.", "I decided to use PostgreSQL for the new project."]);
    expect(calls(pref!)[0]!.input).toMatchObject({ content: "User prefers Python over TypeScript", memory_type: "preference" });
    const saved = calls(decision!)[0]!.input;
    expect(saved).toMatchObject({ content: "User decided to use PostgreSQL for the new project", memory_type: "decision" });
    expect(saved.importance as number).toBeGreaterThan(0.7);
  });

  it("writes one memory per fact of a multi-fact message, in one step", async () => {
    const [turn] = await chat(["I'm vegan, I love spicy food, and I decided to learn Japanese this year."]);
    expect(turn!.steps[0]!.map((c) => [c.input.content, c.input.memory_type])).toEqual([
      ["User is vegan", "fact"],
      ["User loves spicy food", "preference"],
      ["User decided to learn Japanese this year", "decision"],
    ]);
  });

  it("uses 0.95 for an explicit 'remember that' and treats 'remember that' about something else as a note", async () => {
    const [explicit, note] = await chat(["Remember that I'm allergic to penicillin.", "Please remember that the quarterly report is due on June 30."]);
    expect(calls(explicit!)[0]!.input).toMatchObject({ content: "User is allergic to penicillin", memory_type: "fact", confidence: 0.95 });
    expect(calls(note!)[0]!.input).toMatchObject({ memory_type: "note", confidence: 0.95 });
    expect(calls(note!)[0]!.input.content).toContain("quarterly report is due on June 30");
  });

  it("proposes a hedged statement with a confidence between 0.5 and 0.7, and saves it at 0.9 after a yes", async () => {
    const fake = createFakeMemoryTools();
    const [hedged, yes] = await chat(["I think I might move to Berlin next year.", "yes"], fake.tools);
    const input = calls(hedged!)[0]!.input;
    expect(input.confidence as number).toBeGreaterThanOrEqual(0.5);
    expect(input.confidence as number).toBeLessThan(0.7);
    expect(hedged!.text).toBe("Should I remember that you might move to Berlin next year? Use the card below or reply yes.");
    expect(calls(yes!)[0]!.input).toMatchObject({ content: "User might move to Berlin next year", confidence: 0.9 });
    expect(fake.writes.map((w) => w.content)).toEqual(["User might move to Berlin next year"]);
  });

  it("does not write the same statement twice in a conversation", async () => {
    const [, second] = await chat(["I'm a night owl.", "Like I said, I'm a night owl."]);
    expect(calls(second!)).toEqual([]);
    expect(second!.text).toBe("I already knew that.");
  });
});

describe("createLocalMemoryModel: nothing to remember", () => {
  it.each([
    ["a general question", "What's the capital of Australia?"],
    ["an advice question", "Should I learn Rust or Go next?"],
    ["a hypothetical", "If I won the lottery, I'd buy a sailboat and move to Greece."],
    ["an 'imagine' hypothetical", "Imagine I lived in Tokyo. How long would a commute to Shibuya take?"],
    ["small talk", "Good morning! How are you today?"],
    ["thanks", "Thanks, that's really helpful."],
    ["a third party's secret", "My friend Bob is getting divorced, but he hasn't told anyone yet."],
    ["a secret told in confidence", "My coworker Dana told me in confidence that she's pregnant."],
    ["a transient state", "I'm tired."],
    ["a non-English message", "Je suis végétarien et j'habite à Paris."],
  ])("makes no tool call for %s", async (_label, text) => {
    const [turn] = await chat([text]);
    expect(calls(turn!)).toEqual([]);
    expect(turn!.text.length).toBeGreaterThan(0);
  });

  it("declines to store credentials and payment data, but keeps the rest of the message", async () => {
    const [password, card, mixed] = await chat([
      "My online banking password is Sunflower!2024, please remember it.",
      "Save my credit card for later: 4111 1111 1111 1111, exp 09/28, CVV 123.",
      "I work at Acme Corp. Here's my API key for later: sk-test-51Habc123xyz.",
    ]);
    expect(calls(password!)).toEqual([]);
    expect(password!.text).toMatch(/won't store passwords/);
    expect(calls(card!)).toEqual([]);
    expect(calls(mixed!).map((c) => c.input.content)).toEqual(["User works at Acme Corp"]);
    expect(mixed!.text).toMatch(/won't store/);
  });

  it("explains what it is for plain conversation", async () => {
    const [turn] = await chat(["hi!"]);
    expect(turn!.text).toMatch(/offline memory model/);
    expect(turn!.text).toMatch(/OPENAI_API_KEY/);
  });
});

describe("createLocalMemoryModel: forgetting, correcting, recalling", () => {
  it("searches, lists the candidates, and deletes exactly those ids after a yes", async () => {
    const fake = createFakeMemoryTools();
    const [, forget, yes] = await chat(["I'm allergic to peanuts.", "Forget that I'm allergic to peanuts, it was a mistake.", "yes"], fake.tools);
    expect(calls(forget!)[0]).toEqual({ toolName: "delete_memory", input: { description: "User is allergic to peanuts", confirm: false } });
    expect(forget!.text).toContain('"User is allergic to peanuts"');
    expect(forget!.text).toContain("Reply yes to forget it");
    const id = fake.writes[0]!.id;
    expect(calls(yes!)[0]).toEqual({ toolName: "delete_memory", input: { description: "User is allergic to peanuts", confirm: true, memory_ids: [id] } });
    expect(yes!.text).toBe("Done — I've forgotten that memory.");
    expect(fake.memories[0]!.status).toBe("deleted");
  });

  it("deletes nothing when the user says no", async () => {
    const fake = createFakeMemoryTools();
    const [, , no] = await chat(["I play padel every Sunday.", "Forget that I play padel.", "No, keep it."], fake.tools);
    expect(calls(no!)).toEqual([]);
    expect(no!.text).toMatch(/keep it/);
    expect(fake.memories[0]!.status).toBe("active");
  });

  it("does not guess which candidates a partial yes means", async () => {
    const fake = createFakeMemoryTools();
    const [, , partial] = await chat(["I play padel and I play chess.", "Forget that I play games.", "yes, but only the first one"], fake.tools);
    expect(calls(partial!)).toEqual([]);
    expect(partial!.text).toMatch(/all of the items I listed/);
    expect(fake.memories.every((m) => m.status === "active")).toBe(true);
  });

  it("handles a correction by querying first, then saving with supersedes", async () => {
    const fake = createFakeMemoryTools();
    const [, correction] = await chat(["I live in Hamburg.", "Actually, I moved to Munich last month."], fake.tools);
    expect(correction!.steps[0]![0]!.toolName).toBe("query_memory");
    const save = correction!.steps[1]![0]!;
    expect(save.toolName).toBe("save_memory");
    expect(save.input).toMatchObject({ content: "User moved to Munich last month", memory_type: "fact", supersedes: fake.writes[0]!.id });
    expect(correction!.text).toMatch(/^Thanks for the correction/);
    expect(fake.memories.map((m) => m.status)).toEqual(["superseded", "active"]);
  });

  it("supersedes a preference in the same slot ('my favourite language')", async () => {
    const fake = createFakeMemoryTools();
    await chat(["My favourite language is Python.", "I changed my mind, my favourite language is Rust now."], fake.tools);
    expect(fake.memories.map((m) => [m.content, m.status])).toEqual([
      ["User's favourite language is Python", "superseded"],
      ["User's favourite language is Rust", "active"],
    ]);
  });

  it("lists everything for 'what do you remember about me?'", async () => {
    const [, recall] = await chat(["I live in Lisbon and I have a dog named Pixel.", "What do you remember about me?"]);
    expect(calls(recall!)).toEqual([{ toolName: "query_memory", input: { query: "", limit: 20 } }]);
    expect(recall!.text).toBe("Here's what I remember about you:\n- You live in Lisbon\n- You have a dog named Pixel");
  });

  it("answers a question about the user from memory, and says so when nothing is remembered", async () => {
    const [, found] = await chat(["My favourite language is Rust.", "What's my favourite language?"]);
    expect(calls(found!)[0]!.toolName).toBe("query_memory");
    expect(String(calls(found!)[0]!.input.query)).toContain("language");
    expect(found!.text).toContain("Your favourite language is Rust");
    const [empty] = await chat(["Where do I live?"]);
    expect(empty!.text).toMatch(/don't have anything about that/);
  });
});

describe("createLocalMemoryModel: contract", () => {
  it("writes an extractive episode summary without tools when the system prompt has the marker", async () => {
    const transcript = [
      "User: Can you help me plan a 10-day trip to Japan in April?",
      "Assistant: Sure. Tokyo, Hakone, Kyoto and Osaka make a classic route.",
      "User: I'm a vegetarian, so food matters. How many days in Kyoto?",
      "Assistant: Three days in Kyoto is a good start.",
      "User: I decided to skip Osaka. Which temples in Kyoto are worth it?",
    ].join("\n");
    const fake = createFakeMemoryTools();
    const result = await generateText({ model, system: EPISODE_SUMMARY_SYSTEM_PROMPT, prompt: transcript, tools: fake.tools });
    expect(result.toolCalls).toEqual([]);
    expect(result.text).toMatch(/^The user /);
    expect(result.text).toMatch(/Kyoto/);
    expect(result.text).toMatch(/Japan/);
    expect(result.text).toMatch(/vegetarian/);
    const sentences = result.text.split(/(?<=\.)\s+/);
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(4);
  });

  it("streams stream-start, text in word chunks, tool calls and finish, in order", async () => {
    const options: LanguageModelV3CallOptions = {
      prompt: [{ role: "user", content: [{ type: "text", text: "I live in Berlin and I love jazz." }] }],
      tools: [{ type: "function", name: "save_memory", inputSchema: { type: "object" } }],
    };
    const parts: LanguageModelV3StreamPart[] = [];
    const reader = (await model.doStream(options)).stream.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) parts.push(r.value);
    const types = parts.map((p) => p.type);
    expect(types[0]).toBe("stream-start");
    expect(types.at(-1)).toBe("finish");
    expect(types.filter((t) => t === "tool-call")).toHaveLength(2);
    const finish = parts.at(-1) as Extract<LanguageModelV3StreamPart, { type: "finish" }>;
    expect(finish.finishReason).toEqual({ unified: "tool-calls", raw: "tool_calls" });
    expect(finish.usage.inputTokens.total).toBeGreaterThan(0);
    const call = parts.find((p) => p.type === "tool-call") as Extract<LanguageModelV3StreamPart, { type: "tool-call" }>;
    expect(JSON.parse(call.input)).toMatchObject({ content: "User lives in Berlin", memory_type: "fact" });

    const text = await streamText({ model, prompt: "hello there" });
    const chunks: string[] = [];
    const order: string[] = [];
    for await (const part of text.fullStream) {
      order.push(part.type);
      if (part.type === "text-delta") chunks.push(part.text);
    }
    expect(order.indexOf("text-start")).toBeLessThan(order.indexOf("text-delta"));
    expect(order.lastIndexOf("text-delta")).toBeLessThan(order.indexOf("text-end"));
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.join("")).toBe(await text.text);
    expect((await text.finishReason)).toBe("stop");
  });

  it("is deterministic, tool call ids included", async () => {
    const options: LanguageModelV3CallOptions = {
      prompt: [{ role: "user", content: [{ type: "text", text: "I'm a nurse and I prefer tea over coffee." }] }],
      tools: [{ type: "function", name: "save_memory", inputSchema: { type: "object" } }],
    };
    const a = await model.doGenerate(options);
    const b = await createLocalMemoryModel().doGenerate(options);
    expect(b.content).toEqual(a.content);
    expect(a.content.every((c) => c.type === "tool-call")).toBe(true);
  });

  it("only calls tools it was given, and none with toolChoice none", async () => {
    const onlyQuery = { query_memory: tool({ inputSchema: z.object({ query: z.string() }), execute: async () => ({ memories: [] }) }) };
    const [turn] = await chat(["I'm a vegetarian."], onlyQuery);
    expect(calls(turn!)).toEqual([]);
    const prompt = [{ role: "user" as const, content: [{ type: "text" as const, text: "I'm a vegetarian." }] }];
    const none = await model.doGenerate({ prompt, tools: [{ type: "function", name: "save_memory", inputSchema: {} }], toolChoice: { type: "none" } });
    expect(none.content.some((c) => c.type === "tool-call")).toBe(false);
  });

  it("never throws on odd input and stays fast", async () => {
    const odd: LanguageModelV3CallOptions["prompt"][] = [
      [],
      [{ role: "system", content: "" }],
      [{ role: "user", content: [] }],
      [{ role: "user", content: [{ type: "text", text: "   " }] }],
      [{ role: "user", content: [{ type: "text", text: "🤖🤖🤖 ??? !!! ... ,,," }] }],
      [{ role: "user", content: [{ type: "text", text: "我是素食主义者。我住在柏林。" }] }],
      [{ role: "user", content: [{ type: "text", text: "I live in Berlin. ".repeat(5000) }] }],
      [
        { role: "user", content: [{ type: "text", text: "Forget my address" }] },
        { role: "assistant", content: [{ type: "tool-call", toolCallId: "x", toolName: "delete_memory", input: "not json" }] },
        { role: "tool", content: [{ type: "tool-result", toolCallId: "x", toolName: "delete_memory", output: { type: "error-text", value: "boom" } }] },
      ],
    ];
    for (const prompt of odd) {
      const started = performance.now();
      const result = await model.doGenerate({ prompt, tools: [{ type: "function", name: "save_memory", inputSchema: {} }] });
      expect(performance.now() - started).toBeLessThan(500);
      expect(result.content.length).toBeGreaterThan(0);
    }
  });

  it("reports rate limits and tool errors from the results in plain words", async () => {
    const limited = {
      save_memory: tool({ inputSchema: z.object({ content: z.string() }), execute: async () => ({ action: "rate_limited" }) }),
    };
    const [turn] = await chat(["I'm a vegetarian."], limited);
    expect(turn!.text).toMatch(/paused/);
    const failing = {
      save_memory: tool({ inputSchema: z.object({ content: z.string() }), execute: async () => ({ error: "Invalid memory_type" }) }),
    };
    const [failed] = await chat(["I'm a vegetarian."], failing);
    expect(failed!.text).toMatch(/couldn't save/);
  });
});
