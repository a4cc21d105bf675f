// Writes docs/mnemo-export.schema.json, the published contract of the export file, from
// ExportFileSchema (npm run docs:export-schema). Run it after changing the format; the unit
// test lib/user-data/export-format.test.ts fails while the file and the schema differ.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { exportJsonSchema } from "@/lib/user-data/export-format";

const file = path.join(import.meta.dirname, "../../docs/mnemo-export.schema.json");
writeFileSync(file, `${JSON.stringify(exportJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), file)}`);
