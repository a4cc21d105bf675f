import { convertToModelMessages, generateText, stepCountIs, type UIMessage } from "ai";
import { describe, expect, it } from "vitest";
import { createLocalMemoryModel } from "./create-local-memory-model";
import { createFakeMemoryTools } from "@/tests/support/fake-memory-tools";

// The chat route rebuilds the prompt from stored UI messages; these tests feed the model that
// history the same way (convertToModelMessages), including the degenerate text-only case.
const model = createLocalMemoryModel();

describe("createLocalMemoryModel with stored chat history", () => {
  it("confirms a deletion from the candidates stored in the previous assistant message's tool part", async () => {
    const fake = createFakeMemoryTools();
    const peanut = await fake.tools.save_memory.execute!(
      { content: "User is allergic to peanuts", memory_type: "fact", confidence: 0.9, importance: 0.8 },
      { toolCallId: "seed", messages: [] },
    );
    expect(peanut).toMatchObject({ action: "queued" });
    const id = fake.memories[0]!.id;
    const history: UIMessage[] = [
      { id: "u1", role: "user", parts: [{ type: "text", text: "Forget that I'm allergic to peanuts" }] },
      {
        id: "a1",
        role: "assistant",
        parts: [
          {
            type: "tool-delete_memory",
            toolCallId: "call_1",
            state: "output-available",
            input: { description: "User is allergic to peanuts", confirm: false },
            output: { candidates: [{ id, content: "User is allergic to peanuts", type: "fact" }], message: "Show these" },
          },
          { type: "text", text: 'I found this memory:\n- "User is allergic to peanuts"\nReply yes to forget it, or no to keep it.' },
        ],
      },
      { id: "u2", role: "user", parts: [{ type: "text", text: "yes, go ahead" }] },
    ];
    const result = await generateText({ model, messages: await convertToModelMessages(history), tools: fake.tools, stopWhen: stepCountIs(5) });
    expect(result.steps[0]!.toolCalls.map((c) => c.input)).toEqual([{ description: "User is allergic to peanuts", confirm: true, memory_ids: [id] }]);
    expect(fake.memories[0]!.status).toBe("deleted");
    expect(result.text).toBe("Done — I've forgotten that memory.");
  });

  it("re-finds the candidates when the history kept only the assistant's text, then deletes them", async () => {
    const fake = createFakeMemoryTools();
    await fake.tools.save_memory.execute!(
      { content: "User works at Globex as a data analyst", memory_type: "fact", confidence: 0.9, importance: 0.8 },
      { toolCallId: "seed", messages: [] },
    );
    const result = await generateText({
      model,
      messages: [
        { role: "user", content: "Please forget where I work." },
        { role: "assistant", content: 'I found this memory: "User works at Globex as a data analyst". Delete it?' },
        { role: "user", content: "Yes, delete it." },
      ],
      tools: fake.tools,
      stopWhen: stepCountIs(5),
    });
    expect(result.steps.map((s) => s.toolCalls.map((c) => (c.input as { confirm: boolean }).confirm))).toEqual([[false], [true], []]);
    expect(fake.memories[0]!.status).toBe("deleted");
  });

  it("saves a proposal for real when the user says yes to it", async () => {
    const fake = createFakeMemoryTools();
    const history: UIMessage[] = [
      { id: "u1", role: "user", parts: [{ type: "text", text: "I might switch to a standing desk, maybe." }] },
      {
        id: "a1",
        role: "assistant",
        parts: [
          {
            type: "tool-save_memory",
            toolCallId: "call_1",
            state: "output-available",
            input: { content: "User might switch to a standing desk", memory_type: "decision", confidence: 0.6, importance: 0.7 },
            output: { action: "confirm_needed", content: "User might switch to a standing desk", proposal_id: "p-1" },
          },
        ],
      },
      { id: "u2", role: "user", parts: [{ type: "text", text: "yes" }] },
    ];
    const result = await generateText({ model, messages: await convertToModelMessages(history), tools: fake.tools, stopWhen: stepCountIs(5) });
    expect(result.steps[0]!.toolCalls.map((c) => c.input)).toEqual([
      { content: "User might switch to a standing desk", memory_type: "decision", confidence: 0.9, importance: 0.7 },
    ]);
    expect(result.text).toBe("Got it — I'll remember that you might switch to a standing desk.");
  });
});
