// Retrieval benchmark (a script, not a timed test): `npm run bench:recall [-- options]`.
// Runs the app's real search (hybridSearch: pgvector + full text, fused) and a same-run Okapi
// BM25 baseline over the same memories, in a dedicated database, and prints the numbers.
//
//   --dataset FILE   recall dataset (schema eval/recall/schemas.ts; default eval/datasets/recall_dev.json):
//                    R@1 / R@5 of search for the lexical-only embedding (before) and the blended one
//                    (after), vector-only and hybrid, with BM25; false duplicates at the threshold on the
//                    contrast pairs and the paraphrase hit rate. Only aggregates are printed.
//   --locomo DIR     LoCoMo conversations (locomo10_v2/*.json; not in this repository): every turn
//                    stored as a memory (one user per conversation), each question sent through
//                    hybridSearch: evidence in the top 5 / top 10 against BM25, and search latency.
//   --verbose        with --dataset: list the questions search misses (never for a *_test.json file)
//   --json FILE      also write the report as JSON (default bench/out/recall-<time>.json)
//   BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/mnemo_bench_recall; dropped and recreated)
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { percentile } from "@/eval/scorers/percentile";
import { embedLexicalBaseline } from "@/eval/recall/embed-lexical-baseline";
import { loadLocomo } from "@/eval/recall/load-locomo";
import { okapiBm25, topK } from "@/eval/recall/okapi-bm25";
import { RecallDatasetSchema } from "@/eval/recall/schemas";

const { values: args } = parseArgs({
  options: {
    dataset: { type: "string" },
    locomo: { type: "string" },
    verbose: { type: "boolean", default: false },
    json: { type: "string" },
  },
});
const datasetPath = args.dataset ?? (args.locomo ? undefined : "eval/datasets/recall_dev.json");
const heldOut = datasetPath ? /_test\.json$/.test(datasetPath) : false;
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/mnemo_bench_recall";

Object.assign(process.env, {
  DATABASE_URL,
  EMBEDDING_PROVIDER: process.env.EMBEDDING_PROVIDER ?? "local",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
  MEMORY_WORKER_ENABLED: "false",
});
delete process.env.REDIS_URL;

const { config } = await import("@/lib/config");
const { getDb } = await import("@/lib/db/client");
const { applyMigrations } = await import("@/lib/db/migrations/apply-migrations");
const { prepareVectorScan, selectHybridSearch } = await import("@/lib/db/memory-items-search-sql");
const { cosineSimilarity } = await import("@/lib/embeddings/cosine-similarity");
const { embedLocal } = await import("@/lib/embeddings/embed-local");
const { embedTexts } = await import("@/lib/embeddings/embed-texts");
const { getEmbeddingSpace } = await import("@/lib/embeddings/embedding-space");
const { ensureEmbeddingIndex } = await import("@/lib/embeddings/ensure-embedding-index");
const { hybridSearch, hybridSearchCandidates } = await import("@/lib/memory/hybrid-search");
const { insertBenchMemories, settleMemoryItems } = await import("@/scripts/bench/memory-bench-sql");
const { selectMemoryLexemes, selectTextLexemes } = await import("@/scripts/bench/recall-bench-sql");

const space = getEmbeddingSpace();
if (config.embeddingProvider !== "local") throw new Error("bench:recall measures the offline embedding: run it with EMBEDDING_PROVIDER=local");
const BASELINE_SPACE = { model: "bench/lexical-hashing-v0@384", dimensions: 384 };
const db = getDb();
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
const rate = (hits: number, n: number) => (n === 0 ? 0 : hits / n);

async function prepareDatabase() {
  const url = new URL(DATABASE_URL);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/bench/.test(name)) throw new Error(`refusing to drop "${name}": the bench database name must contain "bench"`);
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  await applyMigrations({ connectionString: DATABASE_URL });
  await ensureEmbeddingIndex();
}

async function createUser(): Promise<string> {
  const id = randomUUID();
  await db.user.create({ data: { id, name: "bench", email: `${id}@bench.local` } });
  return id;
}

/** Stores memories in the configured space (as the app embeds them) and returns their ids and vectors, in order. */
async function storeMemories(userId: string, contents: string[], embedding: "configured" | "baseline"): Promise<{ ids: string[]; vectors: number[][] }> {
  const ids = contents.map(() => randomUUID());
  const vectors =
    embedding === "configured"
      ? (await embedTexts({ texts: contents, purpose: "document" })).vectors
      : contents.map((text) => embedLexicalBaseline({ text, dimensions: 384 }));
  const rows = contents.map((content, i) => ({ id: ids[i]!, userId, content, type: "fact" as const, embedding: vectors[i]!, importance: 0.5 }));
  for (let i = 0; i < rows.length; i += 500) {
    await insertBenchMemories(db, rows.slice(i, i + 500), embedding === "configured" ? space : BASELINE_SPACE);
  }
  return { ids, vectors };
}

/** BM25 over the user's memories, on PostgreSQL's English lexemes: memory ids, best first. */
async function bm25Search(userId: string, ids: string[], query: string, k: number): Promise<string[]> {
  const lexemes = await selectMemoryLexemes(db, { userId });
  const docs = ids.map((id) => lexemes.get(id) ?? []);
  return topK(okapiBm25({ docs, query: await selectTextLexemes(db, { text: query }) }), k).map((i) => ids[i]!);
}

/** hybridSearch's first stage alone: the mixed vector + full-text ranking, without its rerank by word alignment. */
async function mixedOnlySearch(userId: string, query: string, limit: number): Promise<string[]> {
  const { vectors, model } = await embedTexts({ texts: [query], purpose: "query" });
  const { textQuery, candidates } = hybridSearchCandidates({ query, limit });
  const hits = await db.$transaction(async (tx) => {
    const { exact } = await prepareVectorScan(tx, { userId, space });
    return selectHybridSearch(tx, { userId, embedding: { vector: vectors[0]!, model }, query: textQuery, limit, candidates, exact });
  });
  return hits.map((h) => h.id);
}

/** The "before" search: the same SQL, with the lexical-only embedding on both sides (queries embedded like memories). */
async function baselineHybridSearch(userId: string, query: string, limit: number): Promise<string[]> {
  const embedding = { vector: embedLexicalBaseline({ text: query, dimensions: 384 }), model: BASELINE_SPACE.model };
  const { textQuery, candidates } = hybridSearchCandidates({ query, limit });
  const hits = await db.$transaction(async (tx) => {
    const { exact } = await prepareVectorScan(tx, { userId, space: BASELINE_SPACE });
    return selectHybridSearch(tx, { userId, embedding, query: textQuery, limit, candidates, exact });
  });
  return hits.map((h) => h.id);
}

function vectorOnly(memoryVectors: number[][], ids: string[], queryVector: number[], k: number): string[] {
  return memoryVectors
    .map((v, i) => [cosineSimilarity({ a: v, b: queryVector }), i] as const)
    .sort((x, y) => y[0] - x[0] || x[1] - y[1])
    .slice(0, k)
    .map(([, i]) => ids[i]!);
}

// ---------------------------------------------------------------- the recall dataset
async function runDataset(file: string) {
  const ds = RecallDatasetSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
  const arms = ["bm25", "vector: lexical hashing (before)", "vector: blended", "hybrid: lexical hashing (before)", "hybrid: blended, no rerank", "hybrid: blended (after)"] as const;
  const hits = Object.fromEntries(arms.map((a) => [a, { r1: 0, r5: 0 }])) as Record<(typeof arms)[number], { r1: number; r5: number }>;
  let n = 0;
  const misses: string[] = [];
  for (const user of ds.users) {
    const contents = user.memories.map((m) => m.content);
    const after = await createUser();
    const before = await createUser();
    const { ids: afterIds, vectors: blendedVectors } = await storeMemories(after, contents, "configured");
    const { ids: beforeIds, vectors: lexicalVectors } = await storeMemories(before, contents, "baseline");
    for (const q of user.questions) {
      if (q.expected_memory_ids.length === 0) continue;
      n++;
      const expected = new Set(q.expected_memory_ids.map((id) => user.memories.findIndex((m) => m.id === id)));
      const ranked: Record<(typeof arms)[number], number[]> = {
        bm25: (await bm25Search(after, afterIds, q.text, 5)).map((id) => afterIds.indexOf(id)),
        "vector: lexical hashing (before)": vectorOnly(lexicalVectors, beforeIds, embedLexicalBaseline({ text: q.text, dimensions: 384 }), 5).map((id) => beforeIds.indexOf(id)),
        "vector: blended": vectorOnly(blendedVectors, afterIds, (await embedTexts({ texts: [q.text], purpose: "query" })).vectors[0]!, 5).map((id) =>
          afterIds.indexOf(id),
        ),
        "hybrid: lexical hashing (before)": (await baselineHybridSearch(before, q.text, 5)).map((id) => beforeIds.indexOf(id)),
        "hybrid: blended, no rerank": (await mixedOnlySearch(after, q.text, 5)).map((id) => afterIds.indexOf(id)),
        "hybrid: blended (after)": (await hybridSearch({ userId: after, query: q.text, limit: 5 })).map((h) => afterIds.indexOf(h.id)),
      };
      for (const arm of arms) {
        if (expected.has(ranked[arm][0]!)) hits[arm].r1++;
        if (ranked[arm].slice(0, 5).some((i) => expected.has(i))) hits[arm].r5++;
      }
      if (!ranked["hybrid: blended (after)"].some((i) => expected.has(i))) misses.push(`${q.kind}: ${q.text} → expected ${[...expected].map((i) => contents[i]).join(" | ")}`);
    }
  }
  const dedup = (embed: (t: string) => number[]) => {
    const over = (pairs: { a: string; b: string }[]) => pairs.filter((p) => cosineSimilarity({ a: embed(p.a), b: embed(p.b) }) > config.memory.duplicateThreshold).length;
    return {
      falseDuplicates: rate(over(ds.contrast_pairs), ds.contrast_pairs.length),
      paraphraseHits: rate(over(ds.paraphrase_pairs), ds.paraphrase_pairs.length),
    };
  };
  // The duplicate check compares stored vectors: the local model's document vectors.
  const embedDocument = (text: string) => embedLocal({ text, purpose: "document" });
  const report = {
    file,
    users: ds.users.length,
    memories: ds.users.reduce((s, u) => s + u.memories.length, 0),
    questions: n,
    retrieval: Object.fromEntries(arms.map((a) => [a, { r1: round(rate(hits[a].r1, n)), r5: round(rate(hits[a].r5, n)) }])),
    duplicateThreshold: config.memory.duplicateThreshold,
    contrastPairs: ds.contrast_pairs.length,
    paraphrasePairs: ds.paraphrase_pairs.length,
    dedup: {
      "lexical hashing (before)": dedup((t) => embedLexicalBaseline({ text: t, dimensions: 384 })),
      [space.model]: dedup(embedDocument),
    },
  };
  console.log(`\nRecall dataset ${file}: ${report.users} users, ${report.memories} memories, ${n} questions with an answer (${space.model})`);
  console.log(`${"ranking".padEnd(36)}${"R@1".padStart(8)}${"R@5".padStart(8)}`);
  for (const a of arms) console.log(`${a.padEnd(36)}${report.retrieval[a]!.r1.toFixed(3).padStart(8)}${report.retrieval[a]!.r5.toFixed(3).padStart(8)}`);
  console.log(`duplicate check at cosine > ${report.duplicateThreshold}: ${report.contrastPairs} contrast pairs (false duplicates), ${report.paraphrasePairs} paraphrase pairs (found)`);
  for (const [name, d] of Object.entries(report.dedup)) {
    console.log(`  ${name.padEnd(34)} false duplicates ${(100 * d.falseDuplicates).toFixed(1)}%   paraphrases found ${(100 * d.paraphraseHits).toFixed(1)}%`);
  }
  if (args.verbose && !heldOut) for (const m of misses) console.log(`  miss ${m}`);
  return report;
}

// ---------------------------------------------------------------- LoCoMo
async function runLocomo(dir: string) {
  const conversations = loadLocomo({ dir });
  const latencies: number[] = [];
  const count = { questions: 0, skipped: 0, turns: 0 };
  const hit = { mixed5: 0, mixed10: 0, mixedAll10: 0, search5: 0, search10: 0, bm25_5: 0, bm25_10: 0, searchAll10: 0, bm25All10: 0, vector5: 0, vector10: 0, vectorAll10: 0 };
  const byCategory: Record<number, { n: number; search10: number; bm25_10: number }> = {};
  // Everything is stored first and the table settled (statistics, as autovacuum keeps them),
  // so searches measure a steady state.
  const stored: { conv: (typeof conversations)[number]; userId: string; ids: string[]; vectors: number[][] }[] = [];
  for (const conv of conversations) {
    const userId = await createUser();
    stored.push({ conv, userId, ...(await storeMemories(userId, conv.turns.map((t) => t.content), "configured")) });
    count.turns += conv.turns.length;
    count.skipped += conv.skipped;
  }
  await settleMemoryItems(db);
  // Warm-up: JIT, the connection pool, plans.
  for (const q of stored[0]!.conv.questions.slice(0, 30)) await hybridSearch({ userId: stored[0]!.userId, query: q.question, limit: 10 });
  for (const { conv, userId, ids, vectors } of stored) {
    const idOf = new Map(conv.turns.map((t, i) => [t.diaId, ids[i]!]));
    const lexemes = await selectMemoryLexemes(db, { userId });
    const docs = ids.map((id) => lexemes.get(id) ?? []);
    for (const q of conv.questions) {
      count.questions++;
      const evidence = new Set(q.evidence.map((e) => idOf.get(e)!));
      const started = performance.now();
      const found = (await hybridSearch({ userId, query: q.question, limit: 10 })).map((h) => h.id);
      latencies.push(performance.now() - started);
      const bm25 = topK(okapiBm25({ docs, query: await selectTextLexemes(db, { text: q.question }) }), 10).map((i) => ids[i]!);
      const mixed = await mixedOnlySearch(userId, q.question, 10);
      const vector = vectorOnly(vectors, ids, (await embedTexts({ texts: [q.question], purpose: "query" })).vectors[0]!, 10);
      const any = (list: string[], k: number) => list.slice(0, k).some((id) => evidence.has(id));
      const all = (list: string[], k: number) => [...evidence].every((id) => list.slice(0, k).includes(id));
      const c = (byCategory[q.category] ??= { n: 0, search10: 0, bm25_10: 0 });
      c.n++;
      if (any(found, 5)) hit.search5++;
      if (any(found, 10)) (hit.search10++, c.search10++);
      if (any(bm25, 5)) hit.bm25_5++;
      if (any(bm25, 10)) (hit.bm25_10++, c.bm25_10++);
      if (all(found, 10)) hit.searchAll10++;
      if (all(bm25, 10)) hit.bm25All10++;
      if (any(mixed, 5)) hit.mixed5++;
      if (any(mixed, 10)) hit.mixed10++;
      if (all(mixed, 10)) hit.mixedAll10++;
      if (any(vector, 5)) hit.vector5++;
      if (any(vector, 10)) hit.vector10++;
      if (all(vector, 10)) hit.vectorAll10++;
    }
  }
  const n = count.questions;
  const report = {
    dir,
    conversations: conversations.length,
    turns: count.turns,
    questions: n,
    skippedQuestions: count.skipped,
    embeddingModel: space.model,
    hybridSearch: { top5: round(rate(hit.search5, n)), top10: round(rate(hit.search10, n)), allEvidenceTop10: round(rate(hit.searchAll10, n)) },
    mixedNoRerank: { top5: round(rate(hit.mixed5, n)), top10: round(rate(hit.mixed10, n)), allEvidenceTop10: round(rate(hit.mixedAll10, n)) },
    bm25: { top5: round(rate(hit.bm25_5, n)), top10: round(rate(hit.bm25_10, n)), allEvidenceTop10: round(rate(hit.bm25All10, n)) },
    vectorOnly: { top5: round(rate(hit.vector5, n)), top10: round(rate(hit.vector10, n)), allEvidenceTop10: round(rate(hit.vectorAll10, n)) },
    byCategory: Object.fromEntries(
      Object.entries(byCategory).map(([k, c]) => [k, { n: c.n, hybridTop10: round(rate(c.search10, c.n)), bm25Top10: round(rate(c.bm25_10, c.n)) }]),
    ),
    searchLatencyMs: {
      p50: round(percentile({ values: latencies, p: 50 })),
      p95: round(percentile({ values: latencies, p: 95 })),
      p99: round(percentile({ values: latencies, p: 99 })),
    },
  };
  console.log(`\nLoCoMo ${dir}: ${report.conversations} conversations, ${report.turns} turns stored as memories (${space.model}), ${n} questions (${report.skippedQuestions} skipped: category 5 or no evidence); evidence in the top k`);
  console.log(`${"ranking".padEnd(28)}${"top-5".padStart(8)}${"top-10".padStart(8)}${"all@10".padStart(8)}`);
  const line = (name: string, r: { top5: number; top10: number; allEvidenceTop10: number }) =>
    console.log(`${name.padEnd(28)}${r.top5.toFixed(3).padStart(8)}${r.top10.toFixed(3).padStart(8)}${r.allEvidenceTop10.toFixed(3).padStart(8)}`);
  line("hybridSearch", report.hybridSearch);
  line("mixed score, no rerank", report.mixedNoRerank);
  line("Okapi BM25", report.bm25);
  line("vector arm alone (cosine)", report.vectorOnly);
  console.log(`top-10 by category: ${Object.entries(report.byCategory).map(([k, c]) => `${k} (n=${c.n}) ${c.hybridTop10.toFixed(3)} vs ${c.bm25Top10.toFixed(3)}`).join(", ")}`);
  console.log(`hybridSearch latency (ms, limit 10, ${latencies.length} searches): p50 ${report.searchLatencyMs.p50} p95 ${report.searchLatencyMs.p95} p99 ${report.searchLatencyMs.p99}`);
  return report;
}

/** The offline embedding's cost: the word table's cold load (this process's first) and one embedding's latency. */
async function measureEmbedding() {
  const { loadWordTable } = await import("@/lib/embeddings/load-word-table");
  const loadStarted = performance.now();
  loadWordTable();
  const tableLoadMs = performance.now() - loadStarted;
  const texts = ["User is a nurse", "What's my job?", "User prefers tea over coffee and drinks it black every morning", "Melanie: I went to a pottery class yesterday and it was so calming!"];
  const times = { document: [] as number[], query: [] as number[] };
  for (let round = 0; round < 2000; round++) {
    for (const purpose of ["document", "query"] as const) {
      const started = performance.now();
      embedLocal({ text: `${texts[round % texts.length]} ${round}`, purpose });
      times[purpose].push(performance.now() - started);
    }
  }
  const stats = (ms: number[]) => ({ p50: round(percentile({ values: ms, p: 50 }), 4), p95: round(percentile({ values: ms, p: 95 }), 4), p99: round(percentile({ values: ms, p: 99 }), 4) });
  const report = { tableLoadMs: round(tableLoadMs, 1), documentMs: stats(times.document), queryMs: stats(times.query), samples: times.document.length };
  console.log(`\nOffline embedding ${space.model}: word table cold load ${report.tableLoadMs} ms; per text (${report.samples} each): ` +
    `memory p50 ${report.documentMs.p50} / p95 ${report.documentMs.p95} / p99 ${report.documentMs.p99} ms, ` +
    `query p50 ${report.queryMs.p50} / p95 ${report.queryMs.p95} / p99 ${report.queryMs.p99} ms`);
  return report;
}

const loadAtStart = os.loadavg();
const embedding = await measureEmbedding();
await prepareDatabase();
const report: Record<string, unknown> = {
  at: new Date().toISOString(),
  machine: { cpus: os.cpus().length, node: process.version, loadAtStart },
  embedding,
};
if (datasetPath) report.dataset = await runDataset(datasetPath);
if (args.locomo) report.locomo = await runLocomo(args.locomo);
report.loadAtEnd = os.loadavg();
const file = args.json ?? path.resolve("bench/out", `recall-${String(report.at).replace(/[:.]/g, "-")}.json`);
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, JSON.stringify(report, null, 2));
console.log(`load average at start ${loadAtStart.map((l) => l.toFixed(2)).join(" ")}, at end ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
console.log(`JSON: ${path.relative(process.cwd(), file)}`);
await db.$disconnect();
