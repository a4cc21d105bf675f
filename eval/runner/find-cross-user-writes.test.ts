import { describe, expect, it } from "vitest";
import { type CrossUserEvidence, findCrossUserWrites } from "@/eval/runner/find-cross-user-writes";

const owners = new Map([
  ["conv-a", "user-a"],
  ["conv-b", "user-b"],
]);
const clean: CrossUserEvidence = {
  conversationOwners: owners,
  memories: [
    { id: "m1", userId: "user-a", sourceConversationId: "conv-a", sourceMessageUserId: "user-a" },
    { id: "m2", userId: "user-b", sourceConversationId: null, sourceMessageUserId: null },
  ],
  events: [{ id: "e1", userId: "user-a", memoryItemUserId: "user-a" }, { id: "e2", userId: "user-b", memoryItemUserId: null }],
  jobs: [{ id: "j1", userId: "user-a", conversationId: "conv-a" }],
  messages: [{ id: "msg1", userId: "user-b", conversationId: "conv-b" }],
};

describe("findCrossUserWrites", () => {
  it("finds nothing when every row stays with its own user", () => {
    expect(findCrossUserWrites(clean)).toEqual([]);
  });

  it("reports a memory sourced from another eval user's conversation", () => {
    const problems = findCrossUserWrites({
      ...clean,
      memories: [{ id: "m3", userId: "user-a", sourceConversationId: "conv-b", sourceMessageUserId: null }],
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("conversation conv-b of user user-b");
  });

  it("reports a memory sourced from another user's message, an event on another user's memory, a job and a message", () => {
    const problems = findCrossUserWrites({
      ...clean,
      memories: [{ id: "m4", userId: "user-a", sourceConversationId: null, sourceMessageUserId: "user-b" }],
      events: [{ id: "e3", userId: "user-b", memoryItemUserId: "user-a" }],
      jobs: [{ id: "j2", userId: "user-b", conversationId: "conv-a" }],
      messages: [{ id: "msg2", userId: "someone-else", conversationId: "conv-a" }],
    });
    expect(problems).toHaveLength(4);
  });

  it("ignores conversations outside the run", () => {
    expect(
      findCrossUserWrites({ ...clean, jobs: [{ id: "j3", userId: "user-a", conversationId: "not-an-eval-conversation" }] }),
    ).toEqual([]);
  });
});
