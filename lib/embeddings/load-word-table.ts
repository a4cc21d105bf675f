import fs from "node:fs";
import path from "node:path";
import { parseWordTable, type WordTable } from "@/lib/embeddings/word-table";

/** The shipped table, relative to the app's root (the repo in dev and tests, the standalone dir in production). */
export const WORD_TABLE_FILE = "lib/embeddings/word-vectors/glove-wink-50k.bin";

let loaded: WordTable | undefined;

/**
 * The offline embedding's word-vector table, read once per process on first use (about 35 ms
 * and 6 MB). Next's standalone server runs from its own directory, where next.config.js's
 * outputFileTracingIncludes puts the file at the same relative path.
 */
export function loadWordTable(): WordTable {
  if (loaded) return loaded;
  const file = path.resolve(process.cwd(), WORD_TABLE_FILE);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new Error(
      `The offline embedding's word-vector table is missing at ${file} (${(error as Error).message}). ` +
        `It is committed under lib/embeddings/word-vectors/; a standalone build must include it (next.config.js outputFileTracingIncludes).`,
    );
  }
  loaded = parseWordTable(bytes);
  return loaded;
}
