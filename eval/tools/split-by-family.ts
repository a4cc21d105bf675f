// Splits blind-written memory-write datasets into a development part and a test part, by
// paraphrase family, so no paraphrase of a test case is ever in the development part.
//
//   node --import tsx eval/tools/split-by-family.ts --test-share 0.4 --name corpus \
//     --out eval/datasets in1.json in2.json …
//
// A case id is `<category>-<family>-<variant>`. Within each category the families are ordered
// by a hash of (salt, family) and the first `test-share` of them go to the test part: stable,
// independent of file order, and blind to the content (the split is made without reading it).
import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadMemoryWriteDataset } from "@/eval/load-memory-write-dataset";
import type { MemoryWriteTestCase } from "@/eval/schemas";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    "test-share": { type: "string", default: "0.4" },
    name: { type: "string" },
    out: { type: "string", default: "eval/datasets" },
    salt: { type: "string", default: "mnemo-blind-2026-12" },
  },
});
const share = Number(values["test-share"]);
if (!values.name || positionals.length === 0 || !(share > 0 && share < 1)) {
  console.error("usage: split-by-family.ts --name NAME [--test-share 0.4] [--out DIR] input.json …");
  process.exit(2);
}

const cases: MemoryWriteTestCase[] = [];
const descriptions: string[] = [];
for (const file of positionals) {
  const dataset = await loadMemoryWriteDataset(file);
  cases.push(...dataset.cases);
  descriptions.push(`${path.basename(file)} (${dataset.cases.length} cases)`);
}

// A family is named by its category and number (`fact-a07`): some authors reuse numbers across categories.
const familyOf = (id: string) => id.split("-").slice(0, 2).join("-");
const rank = (family: string) => createHash("sha256").update(`${values.salt}:${family}`).digest("hex");
const byCategory = new Map<string, Set<string>>();
const seenFamilies = new Set<string>();
for (const c of cases) {
  const family = familyOf(c.id);
  if (seenFamilies.has(family)) continue; // stratified by the category of a family's first case
  seenFamilies.add(family);
  const category = c.id.split("-")[0]!;
  if (!byCategory.has(category)) byCategory.set(category, new Set());
  byCategory.get(category)!.add(family);
}
const testFamilies = new Set<string>();
for (const families of byCategory.values()) {
  const ordered = [...families].sort((a, b) => rank(a).localeCompare(rank(b)));
  ordered.slice(0, Math.round(ordered.length * share)).forEach((f) => testFamilies.add(f));
}

const parts = {
  dev: cases.filter((c) => !testFamilies.has(familyOf(c.id))),
  test: cases.filter((c) => testFamilies.has(familyOf(c.id))),
};
for (const [part, partCases] of Object.entries(parts)) {
  const file = path.join(values.out!, `memory_write_${values.name}_${part}.json`);
  const dataset = {
    version: "1.0.0",
    description:
      `The ${part === "dev" ? "DEVELOPMENT" : "TEST"} part of a blind-written corpus, split by paraphrase family ` +
      `(eval/tools/split-by-family.ts, test share ${share}, salt ${values.salt}) from ${descriptions.join(", ")}. ` +
      (part === "test"
        ? "Rule and model work must never look at these cases or their per-case results; report only its aggregate score."
        : "Rule and model work may read these cases and their failures.") +
      " Written by helpers who never saw the offline model's rules, following docs/memory-taxonomy.md and eval/README.md.",
    cases: partCases,
  };
  await writeFile(file, `${JSON.stringify(dataset, null, 2)}\n`);
  console.log(`${file}: ${partCases.length} cases, ${new Set(partCases.map((c) => familyOf(c.id))).size} families`);
}
