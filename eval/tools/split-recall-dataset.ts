// Splits a blind-written recall dataset (users with memories and questions, contrast pairs,
// paraphrase pairs) into development and test parts: whole users, and pairs by id, ordered by a
// salted hash so the split is stable and made without reading the content.
//
//   node --import tsx eval/tools/split-recall-dataset.ts --name recall_i --test-share 0.5 --out eval/datasets input.json
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { RecallDatasetSchema } from "@/eval/recall/schemas";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    "test-share": { type: "string", default: "0.4" },
    out: { type: "string", default: "eval/datasets" },
    salt: { type: "string", default: "mnemo-blind-2026-12" },
    // recall_i → recall_i_dev.json / recall_i_test.json; never the first set's recall_dev.json by accident.
    name: { type: "string" },
  },
});
const share = Number(values["test-share"]);
const input = positionals[0];
if (!input || !values.name || !(share > 0 && share < 1)) {
  console.error("usage: split-recall-dataset.ts --name NAME [--test-share 0.4] [--out DIR] input.json");
  process.exit(2);
}
const dataset = RecallDatasetSchema.parse(JSON.parse(await readFile(input, "utf8")));
const rank = (id: string) => createHash("sha256").update(`${values.salt}:${id}`).digest("hex");
function split<T extends { id: string }>(items: T[]) {
  const ordered = [...items].sort((a, b) => rank(a.id).localeCompare(rank(b.id)));
  const test = new Set(ordered.slice(0, Math.round(items.length * share)).map((i) => i.id));
  return { dev: items.filter((i) => !test.has(i.id)), test: items.filter((i) => test.has(i.id)) };
}
const users = split(dataset.users);
const contrasts = split(dataset.contrast_pairs);
const paraphrases = split(dataset.paraphrase_pairs);
for (const part of ["dev", "test"] as const) {
  const file = path.join(values.out!, `${values.name}_${part}.json`);
  const out = {
    version: dataset.version,
    description:
      `The ${part === "dev" ? "DEVELOPMENT" : "TEST"} part of ${path.basename(input)} (eval/tools/split-recall-dataset.ts, test share ${share}, salt ${values.salt}). ` +
      (part === "test" ? "Never tune retrieval or embeddings while reading it; report only aggregates. " : "") +
      dataset.description,
    users: users[part],
    contrast_pairs: contrasts[part],
    paraphrase_pairs: paraphrases[part],
  };
  await writeFile(file, `${JSON.stringify(out, null, 2)}\n`);
  const questions = users[part].reduce((n, u) => n + u.questions.length, 0);
  console.log(`${file}: ${users[part].length} users, ${questions} questions, ${contrasts[part].length} contrast pairs, ${paraphrases[part].length} paraphrase pairs`);
}
