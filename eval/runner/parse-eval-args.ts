import { parseArgs } from "node:util";
import { z } from "zod";

const Ratio = z.coerce.number().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1");
const PositiveMs = z.coerce.number().int().positive();

const EvalArgsSchema = z.object({
  dataset: z.string({ error: "--dataset <file> is required" }).min(1, "--dataset <file> is required"),
  verbose: z.boolean().default(false),
  json: z.string().min(1).optional(),
  minPrecision: Ratio.default(0.85),
  minRecall: Ratio.default(0.7),
  keep: z.boolean().default(false),
  store: z.boolean().default(true),
  turnTimeoutMs: PositiveMs.default(60_000),
  drainTimeoutMs: PositiveMs.default(30_000),
});
export type EvalArgs = z.infer<typeof EvalArgsSchema>;

export const EVAL_USAGE = `Usage: npm run eval -- --dataset <file> [options]

  --dataset <file>          memory-write dataset (file name must contain "memory_write")
  --verbose                 print one row per case
  --json <out.json>         write metrics and per-case results to a file
  --min-precision <0..1>    gate threshold for extraction precision (default 0.85)
  --min-recall <0..1>       gate threshold for extraction recall (default 0.70)
  --keep                    keep the eval users and their memories instead of deleting them
  --no-store                do not store the run in eval_runs
  --turn-timeout-ms <ms>    give up on a chat turn after this long (default 60000)
  --drain-timeout-ms <ms>   wait this long for a turn's background writes (default 30000)

Exits 0 when the gate passes (precision and recall at or above the thresholds and zero
cross-user writes), 1 when it fails, 2 when the run could not be made.`;

/**
 * Parses the eval CLI's arguments. Throws an Error whose message names the bad option; unknown
 * options are errors too, so a typo such as --min-precison never silently uses the default.
 */
export function parseEvalArgs(argv: string[]): EvalArgs | "help" {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      dataset: { type: "string" },
      verbose: { type: "boolean", short: "v" },
      json: { type: "string" },
      "min-precision": { type: "string" },
      "min-recall": { type: "string" },
      keep: { type: "boolean" },
      "no-store": { type: "boolean" },
      "turn-timeout-ms": { type: "string" },
      "drain-timeout-ms": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return "help";
  const parsed = EvalArgsSchema.safeParse({
    dataset: values.dataset,
    verbose: values.verbose,
    json: values.json,
    minPrecision: values["min-precision"],
    minRecall: values["min-recall"],
    keep: values.keep,
    store: !values["no-store"],
    turnTimeoutMs: values["turn-timeout-ms"],
    drainTimeoutMs: values["drain-timeout-ms"],
  });
  if (!parsed.success) {
    const names: Record<string, string> = { minPrecision: "--min-precision", minRecall: "--min-recall", turnTimeoutMs: "--turn-timeout-ms", drainTimeoutMs: "--drain-timeout-ms" };
    throw new Error(
      parsed.error.issues
        .map((issue) => {
          const key = String(issue.path[0] ?? "");
          return key === "dataset" ? issue.message : `${names[key] ?? `--${key}`}: ${issue.message}`;
        })
        .join("; "),
    );
  }
  return parsed.data;
}
