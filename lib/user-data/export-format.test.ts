import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EXPORT_FORMAT, EXPORT_VERSION, ExportFileSchema, exportJsonSchema } from "@/lib/user-data/export-format";

// docs/mnemo-export.schema.json is the published contract; it is generated from ExportFileSchema.
// After changing the format, write it again: npm run docs:export-schema
const FILE = path.join(import.meta.dirname, "../../docs/mnemo-export.schema.json");

describe("the export format", () => {
  it("docs/mnemo-export.schema.json is the JSON Schema of ExportFileSchema", () => {
    const generated = `${JSON.stringify(exportJsonSchema(), null, 2)}\n`;
    expect(readFileSync(FILE, "utf8"), "docs/mnemo-export.schema.json is out of date: npm run docs:export-schema").toBe(generated);
  });

  it("names its format and version, and accepts a minimal file", () => {
    const schema = JSON.parse(readFileSync(FILE, "utf8")) as { properties: Record<string, { const?: unknown }>; required: string[] };
    expect(schema.properties.format?.const).toBe(EXPORT_FORMAT);
    expect(schema.properties.version?.const).toBe(EXPORT_VERSION);
    expect(schema.required).toEqual(expect.arrayContaining(["format", "version", "memories"]));
    const file = {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: "2026-05-01T12:00:00.000Z",
      account: { id: "6f1c2a8e-5b3d-4e7a-9c0b-1d2e3f405162", email: "a@example.com", name: "A", createdAt: "2026-01-01T00:00:00.000Z" },
      memories: [],
      conversations: [],
      events: [],
    };
    expect(ExportFileSchema.parse(file)).toEqual(file);
    expect(ExportFileSchema.safeParse({ ...file, version: 2 }).success).toBe(false);
  });
});
