import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { importedId } from "@/lib/user-data/imported-id";
import { parseImportFile } from "@/lib/user-data/parse-import-file";

const enc = (text: string) => new TextEncoder().encode(text);
const json = (value: unknown, maxItems = 100) => parseImportFile({ bytes: enc(JSON.stringify(value)), mediaType: "application/json", maxItems });
const text = (value: string, maxItems = 100) => parseImportFile({ bytes: enc(value), mediaType: "text/plain", maxItems });

function failure(run: () => unknown): { status: number; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, message: error.message };
    if (error instanceof ZodError) return { status: 400, message: error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
    throw error;
  }
  throw new Error("expected a failure");
}

const memory = (over: Record<string, unknown> = {}) => ({
  id: "6f1c2a8e-5b3d-4e7a-9c0b-1d2e3f405162",
  content: "User is a vegetarian",
  type: "fact",
  status: "active",
  confidence: 0.9,
  importance: 0.5,
  createdAt: "2026-01-01T10:00:00.000Z",
  updatedAt: "2026-01-01T10:00:00.000Z",
  deletedAt: null,
  expiresAt: null,
  supersededBy: null,
  source: null,
  history: [],
  ...over,
});
const mnemo = (memories: unknown[], over: Record<string, unknown> = {}) => ({ format: "mnemo-export", version: 1, memories, ...over });

describe("parseImportFile", () => {
  it("reads a Mnemo export with its chain, statuses, timestamps and provenance", () => {
    const newer = memory({ id: "11111111-1111-4111-8111-111111111111", content: "User lives in Leeds" });
    const older = memory({ content: "User lives in Glasgow", status: "superseded", supersededBy: newer.id, source: { conversationId: "22222222-2222-4222-8222-222222222222", conversationTitle: "Moving", messageId: "33333333-3333-4333-8333-333333333333", messageText: "I live in Glasgow", messageAt: "2026-01-01T09:59:00.000Z" } });
    const { format, items } = json(mnemo([older, newer]));
    expect(format).toBe("mnemo-export");
    expect(items[0]).toMatchObject({
      key: `mnemo:${older.id}`,
      exportId: older.id,
      status: "superseded",
      supersededByKey: `mnemo:${newer.id}`,
      createdAt: new Date("2026-01-01T10:00:00.000Z"),
      source: { conversationTitle: "Moving", messageText: "I live in Glasgow" },
    });
    expect(items[1]!.supersededByKey).toBeNull();
  });

  it("drops a supersededBy that names a memory missing from the file, and refuses a cycle", () => {
    const { items } = json(mnemo([memory({ supersededBy: "44444444-4444-4444-8444-444444444444" })]));
    expect(items[0]!.supersededByKey).toBeNull();
    const a = memory({ id: "11111111-1111-4111-8111-111111111111", supersededBy: "22222222-2222-4222-8222-222222222222" });
    const b = memory({ id: "22222222-2222-4222-8222-222222222222", supersededBy: a.id });
    expect(failure(() => json(mnemo([a, b])))).toMatchObject({ status: 422, message: expect.stringMatching(/cycle/) });
  });

  it("reads mem0's records bare or wrapped in results, with naive timestamps as UTC", () => {
    const records = [
      { id: "m-1", memory: "Likes pour-over coffee", created_at: "2024-07-20T10:00:00.123456-07:00", updated_at: null, metadata: { source: "x" }, categories: ["food_preferences"] },
      { id: 7, memory: "Works as a nurse", created_at: "2024-07-20T10:00:00", hash: "abc" },
    ];
    for (const file of [records, { results: records }, { memories: records }]) {
      const { format, items } = json(file);
      expect(format).toBe("mem0");
      expect(items.map((i) => [i.key, i.type, i.createdAt?.toISOString()])).toEqual([
        ["mem0:m-1", "preference", "2024-07-20T17:00:00.123Z"],
        ["mem0:7", "fact", "2024-07-20T10:00:00.000Z"],
      ]);
    }
  });

  it("reads plain statements, one per line, with bullets, comments and type prefixes", () => {
    const { format, items } = text("# my memories\n- I'm vegetarian\n\n2. preference: tea over coffee\r\nnote: the wifi is Birchnet\n");
    expect(format).toBe("text");
    expect(items.map((i) => [i.type, i.content])).toEqual([
      ["fact", "I'm vegetarian"],
      ["preference", "tea over coffee"],
      ["note", "the wifi is Birchnet"],
    ]);
    expect(items[0]!.key).toBe(text("I'm vegetarian").items[0]!.key);
  });

  it("names what is wrong with a bad file", () => {
    expect(failure(() => json(mnemo([memory()], { version: 2 })))).toEqual({ status: 422, message: "Unsupported mnemo-export version 2: this Mnemo reads version 1." });
    expect(failure(() => parseImportFile({ bytes: enc('{"format": "mnemo-export",'), mediaType: "application/json", maxItems: 10 }))).toMatchObject({
      status: 400,
      message: expect.stringMatching(/^The file is not valid JSON: /),
    });
    expect(failure(() => json(mnemo([memory(), memory(), memory()]), 2))).toMatchObject({ status: 422, message: expect.stringMatching(/holds 3 memories; at most 2/) });
    expect(failure(() => json(mnemo([memory({ confidence: "high" })])))).toMatchObject({ status: 400, message: expect.stringMatching(/^memories\.0\.confidence: /) });
    expect(failure(() => json({ results: [{ memory: 42 }] }))).toMatchObject({ status: 400, message: expect.stringMatching(/^results\.0\.memory: /) });
    expect(failure(() => json(mnemo([memory({ content: "a\u0000b" })])))).toMatchObject({ status: 400, message: expect.stringMatching(/memories\.0\.content: must not contain a NUL/) });
    expect(failure(() => json({ hello: "world" }))).toMatchObject({ status: 422, message: expect.stringMatching(/^Unrecognised file/) });
    expect(failure(() => text("x".repeat(2001)))).toEqual({ status: 400, message: "Line 1 is longer than 2000 characters (2001)." });
    expect(failure(() => text("# only a comment\n"))).toEqual({ status: 422, message: "The file holds no memories to import." });
    expect(failure(() => parseImportFile({ bytes: new Uint8Array([0xff, 0xfe, 0x00]), mediaType: "text/plain", maxItems: 10 }))).toEqual({
      status: 400,
      message: "The file is not valid UTF-8 text.",
    });
    expect(failure(() => parseImportFile({ bytes: enc("x"), mediaType: "multipart/form-data", maxItems: 10 }))).toMatchObject({ status: 415 });
    expect(failure(() => json(mnemo([memory(), memory()])))).toMatchObject({ status: 422, message: expect.stringMatching(/appears more than once/) });
  });
});

describe("importedId", () => {
  it("is a stable UUIDv5 per account and key", () => {
    const a = importedId({ userId: "6F1C2A8E-5B3D-4E7A-9C0B-1D2E3F405162", key: "memory:mnemo:x" });
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(importedId({ userId: "6f1c2a8e-5b3d-4e7a-9c0b-1d2e3f405162", key: "memory:mnemo:x" })).toBe(a);
    expect(importedId({ userId: "11111111-1111-4111-8111-111111111111", key: "memory:mnemo:x" })).not.toBe(a);
  });
});
