// Applies the write policy to content stored before it existed (npm run memories:scrub):
// redacts secrets, payment data and government ids wherever they are stored (memories of every
// status, episode summaries, the audit table's before/after text, chat messages, queued job
// payloads, conversation titles) and other people's sensitive details; deletes live memories
// that held them, with a `redact` audit row each. Prints counts. Safe to run twice.
//
//   npm run memories:scrub -- [--dry-run] [--purge-junk] [--user <id>]
//
//   --dry-run      count what would change, change nothing
//   --purge-junk   also soft-delete live memories the policy calls junk (moods, remarks about
//                  the chat, questions, task requests, fragments), audited as deletes
//   --user <id>    one account only
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";

async function main(): Promise<string> {
  const { values } = parseArgs({ options: { "dry-run": { type: "boolean", default: false }, "purge-junk": { type: "boolean", default: false }, user: { type: "string" } } });
  const { scrubStoredContent } = await import("@/lib/memory/scrub-stored-content");
  const tty = process.stderr.isTTY;
  const counts = await scrubStoredContent({
    dryRun: values["dry-run"]!,
    purgeJunk: values["purge-junk"]!,
    userId: values.user ?? null,
    correlationId: randomUUID(),
    onProgress: (phase, scanned) => {
      if (tty) process.stderr.write(`\r[scrub] ${phase}: ${scanned} scanned   `);
    },
  });
  if (tty) process.stderr.write("\n");
  const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  const detail = (r: Record<string, number>) => (sum(r) ? ` (${Object.entries(r).map(([k, v]) => `${k} ${v}`).join(", ")})` : "");
  const verb = values["dry-run"] ? "would be" : "were";
  return [
    `[scrub] ${values["dry-run"] ? "dry run: nothing changed" : "done"}`,
    `  memories redacted:        ${sum(counts.memoriesRedacted)}${detail(counts.memoriesRedacted)}`,
    `  junk memories deleted:    ${values["purge-junk"] ? `${sum(counts.memoriesPurged)}${detail(counts.memoriesPurged)}` : "- (pass --purge-junk)"}`,
    `  audit rows redacted:      ${counts.auditRowsRedacted}`,
    `  messages redacted:        ${counts.messagesRedacted}`,
    `  queued writes redacted:   ${counts.jobsRedacted}`,
    `  titles redacted:          ${counts.titlesRedacted}`,
    `  (counts are what ${verb} changed)`,
  ].join("\n");
}

main().then(
  (output) => {
    console.log(output);
    process.exit(0);
  },
  (error: unknown) => {
    console.error(`[scrub] failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
