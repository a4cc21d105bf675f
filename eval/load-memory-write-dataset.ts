import { readFile } from "node:fs/promises";
import { AppError } from "@/lib/errors";
import { type MemoryWriteDataset, MemoryWriteDatasetSchema } from "@/eval/schemas";

/**
 * Reads and validates a memory-write dataset file. Any problem (unreadable file, bad JSON, a case
 * that does not fit MemoryWriteTestCase) throws AppError("validation_failed") whose message names
 * the file and every offending field path, e.g. `cases[3].expected_writes[0].type: ...`.
 */
export async function loadMemoryWriteDataset(path: string): Promise<MemoryWriteDataset> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new AppError("not_found", `Cannot read memory-write dataset ${path}: ${(error as Error).message}`);
  }

  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new AppError("validation_failed", `Memory-write dataset ${path} is not valid JSON: ${(error as Error).message}`);
  }

  const parsed = MemoryWriteDatasetSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
    const lines = issues.map((issue) => `  ${issue.path || "(root)"}: ${issue.message}`);
    throw new AppError("validation_failed", `Invalid memory-write dataset ${path}:\n${lines.join("\n")}`, issues);
  }
  return parsed.data;
}

function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    "",
  );
}
