// Re-embeds memories into the configured embedding space (npm run memories:reembed): every active
// or pending memory whose vector was made by another model, or by one not recorded (stored before
// provenance), gets a vector of EMBEDDING_PROVIDER / OPENAI_EMBEDDING_MODEL / EMBEDDING_DIMENSIONS.
// This is how to switch embedding providers: change the settings, restart the app, run this.
//   npm run memories:reembed                  everything outside the configured space
//   npm run memories:reembed -- --batch 100   memories per provider call and UPDATE (default 200)
// Batched and resumable (a re-run continues with what is still outside the space), and safe while
// the app serves on PostgreSQL: the app already writes the configured space. With the embedded
// PGlite database (no DATABASE_URL) stop the app first: only one process may open it.
// On a terminal it draws a progress bar with the rate; otherwise it prints plain lines.
import { parseArgs } from "node:util";

const { values: args } = parseArgs({ options: { batch: { type: "string", default: "200" } } });
const batchSize = Number(args.batch);
if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 2048) {
  console.error("[reembed] --batch must be an integer from 1 to 2048");
  process.exit(2);
}

const tty = Boolean(process.stdout.isTTY);
const started = performance.now();
let lastLine = 0;

function bar(done: number, total: number): string {
  const width = 30;
  const filled = total === 0 ? width : Math.round((width * done) / total);
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}]`;
}

function progressLine(p: { total: number; reembedded: number; skipped: number }): string {
  const done = p.reembedded + p.skipped;
  const seconds = (performance.now() - started) / 1000;
  const rate = seconds > 0 ? done / seconds : 0;
  const left = rate > 0 ? Math.max(0, p.total - done) / rate : 0;
  const pct = p.total === 0 ? 100 : Math.min(100, (100 * done) / p.total);
  return `${bar(Math.min(done, p.total), p.total)} ${pct.toFixed(1)}% ${done}/${p.total} · ${rate.toFixed(0)}/s · ${left.toFixed(0)} s left`;
}

async function main(): Promise<string> {
  // Imported here so that a bad environment is reported like any other failure.
  const { reembedMemories } = await import("@/lib/embeddings/reembed-memories");
  const { getDb } = await import("@/lib/db/client");
  try {
    const result = await reembedMemories({
      batchSize,
      onStart: ({ model, total, index }) => {
        if (index.state === "built") console.log(`[reembed] built embedding index ${index.name} in ${index.ms} ms`);
        console.log(total === 0 ? `[reembed] every memory is already embedded with ${model}` : `[reembed] ${total} memories to embed with ${model}`);
      },
      onProgress: (p) => {
        if (tty) {
          process.stdout.write(`\r${progressLine(p)}`);
        } else if (performance.now() - lastLine > 2000 || p.reembedded + p.skipped >= p.total) {
          lastLine = performance.now();
          console.log(`[reembed] ${p.reembedded + p.skipped}/${p.total} (${p.reembedded} re-embedded, ${p.skipped} changed meanwhile)`);
        }
      },
    });
    if (tty && result.total > 0) process.stdout.write("\n");
    const seconds = (performance.now() - started) / 1000;
    const skipped = result.skipped > 0 ? `, ${result.skipped} left to the app (changed while running; run again to check)` : "";
    return `[reembed] ${result.model}: re-embedded ${result.reembedded} memories in ${seconds.toFixed(1)} s${skipped}`;
  } finally {
    await getDb().$disconnect();
  }
}

main().then(
  (summary) => {
    console.log(summary);
    process.exit(0);
  },
  (error: unknown) => {
    if (tty) process.stdout.write("\n");
    console.error(`[reembed] failed: ${error instanceof Error ? error.message : String(error)}`);
    console.error("[reembed] what was re-embedded is kept; run the command again to continue.");
    process.exit(1);
  },
);
