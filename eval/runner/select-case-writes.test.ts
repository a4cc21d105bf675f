import { describe, expect, it } from "vitest";
import { selectCaseWrites } from "@/eval/runner/select-case-writes";

const row = (content: string, status: string, operations: string[], type = "fact") => ({ content, type, status, operations });

describe("selectCaseWrites", () => {
  it("counts active, superseded and deleted automatic writes, and only deleted ones as deletes", () => {
    const { actualWrites, actualDeletes } = selectCaseWrites([
      row("User lives in Hamburg", "superseded", ["create", "supersede"]),
      row("User lives in Munich", "active", ["supersede"]),
      row("User is allergic to peanuts", "deleted", ["create", "delete"]),
    ]);
    expect(actualWrites.map((w) => w.content)).toEqual(["User lives in Hamburg", "User lives in Munich", "User is allergic to peanuts"]);
    expect(actualDeletes).toEqual([{ content: "User is allergic to peanuts", type: "fact" }]);
  });

  it("leaves out pending and rejected proposals, and a proposal deleted before anyone confirmed it", () => {
    const { actualWrites, actualDeletes } = selectCaseWrites([
      row("User might move to Oslo", "pending", ["propose"]),
      row("User may be a teacher", "rejected", ["propose", "reject"]),
      row("User maybe likes golf", "deleted", ["propose", "delete"]),
    ]);
    expect(actualWrites).toEqual([]);
    // Still a deletion the user asked for: scored against expected_deletes.
    expect(actualDeletes.map((d) => d.content)).toEqual(["User maybe likes golf"]);
  });

  it("counts a proposal the user confirmed as a write", () => {
    const { actualWrites } = selectCaseWrites([row("User is a teacher", "active", ["propose", "confirm"])]);
    expect(actualWrites).toEqual([{ content: "User is a teacher", type: "fact" }]);
  });

  it("keeps the stored type as it is, so an invented type simply fails to match", () => {
    expect(selectCaseWrites([row("User is vegan", "active", ["create"], "diet")]).actualWrites[0]!.type).toBe("diet");
  });
});
