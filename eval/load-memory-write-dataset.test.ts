import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadMemoryWriteDataset } from "@/eval/load-memory-write-dataset";
import { AppError } from "@/lib/errors";

const here = import.meta.dirname;
const validCase = {
  id: "fact-01",
  conversation: [{ role: "user", content: "I'm a vegetarian." }],
  expected_writes: [{ content_keywords: ["vegetarian"], type: "fact", should_write: true }],
  expected_deletes: [],
  rubric: "one fact",
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "mnemo-eval-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeDataset(name: string, content: unknown): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

async function loadError(file: string): Promise<AppError> {
  const error = await loadMemoryWriteDataset(file).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("loadMemoryWriteDataset", () => {
  it("accepts the golden dataset", async () => {
    const dataset = await loadMemoryWriteDataset(path.join(here, "memory_write_golden_dataset.json"));
    expect(dataset.cases.length).toBeGreaterThanOrEqual(40);
  });

  it("accepts the smoke dataset", async () => {
    const dataset = await loadMemoryWriteDataset(path.join(here, "datasets", "memory_write_smoke_dataset.json"));
    expect(dataset.cases).toHaveLength(5);
  });

  it("defaults user_id to eval-user", async () => {
    const file = await writeDataset("memory_write_default.json", { version: "1", description: "d", cases: [validCase] });
    const dataset = await loadMemoryWriteDataset(file);
    expect(dataset.cases[0]!.user_id).toBe("eval-user");
  });

  it("rejects an unknown memory type, naming the field", async () => {
    const bad = { ...validCase, expected_writes: [{ content_keywords: ["x"], type: "opinion", should_write: true }] };
    const file = await writeDataset("memory_write_bad_type.json", { version: "1", description: "d", cases: [bad] });
    const error = await loadError(file);
    expect(error.code).toBe("validation_failed");
    expect(error.message).toContain(file);
    expect(error.message).toContain("cases[0].expected_writes[0].type");
  });

  it("rejects a missing field and an extra one", async () => {
    const { rubric: _rubric, ...withoutRubric } = validCase;
    const withCategory = { ...validCase, id: "fact-02", category: "fact" };
    const file = await writeDataset("memory_write_fields.json", { version: "1", description: "d", cases: [withoutRubric, withCategory] });
    const error = await loadError(file);
    expect(error.message).toContain("cases[0].rubric");
    expect(error.message).toMatch(/cases\[1\].*category/);
  });

  it("rejects a bad role and uppercase keywords, listing every problem", async () => {
    const badRole = { ...validCase, conversation: [{ role: "system", content: "hi" }] };
    const upper = { ...validCase, id: "fact-02", expected_writes: [{ content_keywords: ["Berlin"], type: "fact", should_write: true }] };
    const file = await writeDataset("memory_write_many.json", { version: "1", description: "d", cases: [badRole, upper] });
    const message = (await loadError(file)).message;
    expect(message).toContain("cases[0].conversation[0].role");
    expect(message).toContain("cases[1].expected_writes[0].content_keywords[0]: keywords must be lowercase");
  });

  it("rejects duplicate case ids and a conversation without a user message", async () => {
    const duplicate = await writeDataset("memory_write_dup.json", { version: "1", description: "d", cases: [validCase, validCase] });
    expect((await loadError(duplicate)).message).toContain('cases[1].id: duplicate case id "fact-01"');
    const assistantOnly = { ...validCase, conversation: [{ role: "assistant", content: "hello" }] };
    const noUser = await writeDataset("memory_write_no_user.json", { version: "1", description: "d", cases: [assistantOnly] });
    expect((await loadError(noUser)).message).toContain("cases[0].conversation: a conversation needs at least one user message");
  });

  it("rejects a file without cases and invalid JSON", async () => {
    const noCases = await writeDataset("memory_write_empty.json", { version: "1", description: "d" });
    expect((await loadError(noCases)).message).toContain("cases");
    const notJson = await writeDataset("memory_write_broken.json", "{ not json");
    expect((await loadError(notJson)).message).toMatch(/not valid JSON/);
  });

  it("reports a missing file", async () => {
    const error = await loadError(path.join(dir, "memory_write_missing.json"));
    expect(error.code).toBe("not_found");
  });
});
