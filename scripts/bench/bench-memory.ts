// Memory engine benchmark (a script, not a timed test): `npm run bench:memory [-- --n 100000]`.
// Seeds N memories across many users in a dedicated database, then measures createMemory
// (local embeddings, rate limits, dedup check, insert + audit), hybridSearch and the rate-limit
// check (p50/p95/p99), and createMemory writes/s at concurrency 8. Prints a table and writes
// JSON to bench/out/.
//
//   --n N            memories to seed (default 10000; --100k is --n 100000)
//   --per-user K     memories per user (default 100, so N/K users)
//   --samples S      timed calls per operation (default 500)
//   --heavy H        also seed one heavy user with H memories and time that user separately (default 5000; 0 = off)
//   --no-settle      measure right after seeding, without VACUUM ANALYZE + CHECKPOINT
//   --reuse          keep an already seeded bench database instead of reseeding
//   BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/mnemo_bench)
//   BENCH_REDIS_URL    (default redis://127.0.0.1:6379/3)
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { percentile } from "@/eval/scorers/percentile";

const { values: args } = parseArgs({
  options: {
    n: { type: "string", default: "10000" },
    "100k": { type: "boolean", default: false },
    "per-user": { type: "string", default: "100" },
    samples: { type: "string", default: "500" },
    reuse: { type: "boolean", default: false },
    heavy: { type: "string", default: "5000" },
    "no-settle": { type: "boolean", default: false },
  },
});
const N = args["100k"] ? 100_000 : Number(args.n);
const PER_USER = Number(args["per-user"]);
const SAMPLES = Number(args.samples);
const HEAVY = Number(args.heavy);
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/mnemo_bench";
const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379/3";

// lib/config reads the environment once, at import: set it before the first app import.
Object.assign(process.env, {
  DATABASE_URL,
  REDIS_URL,
  EMBEDDING_PROVIDER: "local",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
  MEMORY_WORKER_ENABLED: "false",
  // The checks still run (and are timed); the limits must not stop a benchmark.
  MEMORY_WRITE_RATE_PER_CONVERSATION: "1000000000",
  MEMORY_WRITE_RATE_PER_HOUR: "1000000000",
});

const { getDb } = await import("@/lib/db/client");
const { applyMigrations } = await import("@/lib/db/migrations/apply-migrations");
const { insertBenchMemories, settleMemoryItems, explainVectorArm } = await import("@/scripts/bench/memory-bench-sql");
const { embedLocal } = await import("@/lib/embeddings/embed-local");
const { getEmbeddingSpace } = await import("@/lib/embeddings/embedding-space");
const { ensureEmbeddingIndex } = await import("@/lib/embeddings/ensure-embedding-index");
const space = getEmbeddingSpace();
const { prepareVectorScan } = await import("@/lib/db/memory-items-search-sql");
const { createMemory } = await import("@/lib/memory/create-memory");
const { hybridSearch } = await import("@/lib/memory/hybrid-search");
const { checkWriteRateLimitHourly } = await import("@/lib/redis/rate-limit-hourly");
const { getRedis, getRedisSubscriber } = await import("@/lib/redis/client");

// ---- synthetic but varied memories: templates × vocabulary, so full-text and vectors both discriminate
const SUBJECTS = ["I", "My sister", "My manager", "Our team", "My partner", "My neighbour", "The user", "My son", "My daughter", "My friend Sam"];
const VERBS = ["likes", "prefers", "decided to use", "is learning", "works with", "avoids", "plans to visit", "collects", "recommends", "is allergic to"];
const NOUNS = (
  "alpaca bassoon cinnamon dolphin espresso falconry glacier harmonica igloo jasmine kayak lantern mosaic nectarine origami " +
  "pelican quartz rhubarb saffron tundra ukulele volcano walrus xylophone yodelling zeppelin anchovy bonsai cactus dulcimer " +
  "PostgreSQL TypeScript Kubernetes Rust Python Lisbon Kyoto Oslo Nairobi Lima pottery climbing sourdough chess tango " +
  "marathons watercolours vinyl espadrilles tofu mangoes hazelnuts sushi ramen paella yoga pilates rowing cycling surfing"
).split(" ");
const QUALIFIERS = ["on weekends", "since 2019", "at work", "every morning", "when travelling", "for the new project", "in winter", "with friends", "", ""];
const TYPES = ["fact", "preference", "decision", "note"] as const;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]!;
const sentence = () => `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(NOUNS)} and ${pick(NOUNS)} ${pick(QUALIFIERS)}`.trim();

async function ensureDatabase() {
  const url = new URL(DATABASE_URL);
  const name = decodeURIComponent(url.pathname.slice(1));
  // The bench drops and recreates this database: a mistyped BENCH_DATABASE_URL must not cost real data.
  if (!/bench/.test(name)) throw new Error(`refusing to drop "${name}": the bench database name must contain "bench"`);
  const ident = `"${name.replaceAll('"', '""')}"`;
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    if (!args.reuse) await admin.query(`DROP DATABASE IF EXISTS ${ident} WITH (FORCE)`);
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount === 0) await admin.query(`CREATE DATABASE ${ident}`);
  } finally {
    await admin.end();
  }
  await applyMigrations({ connectionString: DATABASE_URL });
  // As scripts/migrate.ts does: the configured space's partial HNSW index (built before seeding,
  // so the seed also measures maintaining it).
  await ensureEmbeddingIndex();
}

async function seedUser(userId: string, count: number) {
  const BATCH = 1000;
  for (let done = 0; done < count; done += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, count - done) }, () => {
      const content = sentence();
      return { id: randomUUID(), userId, content, type: pick(TYPES), embedding: embedLocal({ text: content, dimensions: 384 }), importance: Math.round(Math.random() * 100) / 100 };
    });
    await insertBenchMemories(getDb(), rows, space);
  }
}

async function seed(): Promise<{ userIds: string[]; heavyUserId: string | null }> {
  const db = getDb();
  const existing = await db.user.findMany({ where: { email: { endsWith: "@bench.local" } }, select: { id: true, email: true } });
  if (args.reuse && existing.length > 0) {
    return {
      userIds: existing.filter((u) => !u.email.startsWith("heavy-")).map((u) => u.id),
      heavyUserId: existing.find((u) => u.email.startsWith("heavy-"))?.id ?? null,
    };
  }
  const userCount = Math.max(1, Math.ceil(N / PER_USER));
  const userIds = Array.from({ length: userCount }, () => randomUUID());
  const heavyUserId = HEAVY > 0 ? randomUUID() : null;
  await db.user.createMany({ data: userIds.map((id) => ({ id, name: "bench", email: `${id}@bench.local` })) });
  if (heavyUserId) await db.user.create({ data: { id: heavyUserId, name: "bench heavy", email: `heavy-${heavyUserId}@bench.local` } });
  const started = performance.now();
  const BATCH = 1000;
  for (let done = 0; done < N; done += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, N - done) }, (_, i) => {
      const content = sentence();
      return {
        id: randomUUID(),
        userId: userIds[(done + i) % userCount]!,
        content,
        type: pick(TYPES),
        embedding: embedLocal({ text: content, dimensions: 384 }),
        importance: Math.round(Math.random() * 100) / 100,
      };
    });
    await insertBenchMemories(db, rows, space);
    if ((done / BATCH) % 10 === 0) process.stderr.write(`\rseeded ${done + rows.length}/${N}`);
  }
  if (heavyUserId) await seedUser(heavyUserId, HEAVY);
  process.stderr.write(`\rseeded ${N} memories for ${userCount} users${heavyUserId ? ` + ${HEAVY} for one heavy user` : ""} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  if (!args["no-settle"]) await settleMemoryItems(db);
  return { userIds, heavyUserId };
}

type Stats = { count: number; p50: number; p95: number; p99: number; mean: number; max: number };
function stats(ms: number[]): Stats {
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const q = (p: number) => round(percentile({ values: ms, p }));
  return { count: ms.length, p50: q(50), p95: q(95), p99: q(99), mean: round(ms.reduce((a, b) => a + b, 0) / ms.length), max: q(100) };
}

async function time(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

const loadAtStart = os.loadavg();
await ensureDatabase();
const { userIds, heavyUserId } = await seed();
const correlationId = () => randomUUID();
const actions: Record<string, number> = {};
const create = async (userId = pick(userIds)) => {
  const res = await createMemory({ request: { userId, content: `${sentence()} (${randomUUID().slice(0, 8)})`, memoryType: "fact" }, correlationId: correlationId() });
  actions[res.action] = (actions[res.action] ?? 0) + 1;
  if (res.action === "failed") throw new Error(`createMemory failed: ${res.message}`);
};
const search = (userId = pick(userIds)) => hybridSearch({ userId, query: `${pick(VERBS)} ${pick(NOUNS)} ${pick(NOUNS)}`, limit: 10 });
const rateCheck = () => checkWriteRateLimitHourly({ userId: pick(userIds) });

// Warm-up: JIT, connection pool, prepared plans, Redis script cache.
await time(50, () => create());
await time(50, () => search());
await time(50, rateCheck);
for (const k of Object.keys(actions)) delete actions[k];

const results: Record<string, Stats> = {
  createMemory: stats(await time(SAMPLES, () => create())),
  hybridSearch: stats(await time(SAMPLES, () => search())),
  rateLimitCheck: stats(await time(SAMPLES * 4, rateCheck)),
};
if (heavyUserId) {
  results[`hybridSearch@${HEAVY}`] = stats(await time(Math.min(SAMPLES, 200), () => search(heavyUserId)));
  results[`createMemory@${HEAVY}`] = stats(await time(Math.min(SAMPLES, 200), () => create(heavyUserId)));
}

const CONCURRENCY = 8;
const WRITES = Math.max(400, SAMPLES);
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next++ < WRITES) await create();
  }),
);
const writesPerSecond = Math.round((WRITES / ((performance.now() - started) / 1000)) * 10) / 10;

const probeUser = pick(userIds);
const probe = embedLocal({ text: "likes kayak and sourdough", purpose: "query" });
const explain = async (userId: string, mode: { exact: boolean; iterativeScan: boolean }) =>
  (await getDb().$transaction((tx) => explainVectorArm(tx, { userId, embedding: probe, space, ...mode }))).map((line) =>
    line.replace(/'\[[^\]]*\]'/g, "'[…]'"),
  );
const plan = await explain(probeUser, { exact: true, iterativeScan: true });
const heavyChoice = heavyUserId ? await getDb().$transaction((tx) => prepareVectorScan(tx, { userId: heavyUserId, space })) : null;
const heavyPlan = heavyUserId ? await explain(heavyUserId, { exact: true, iterativeScan: true }) : null;
const heavyPlanHnsw = heavyUserId ? await explain(heavyUserId, { exact: false, iterativeScan: true }) : null;
const heavyPlanWithoutIterativeScan = heavyUserId ? await explain(heavyUserId, { exact: false, iterativeScan: false }) : null;

const memoryCount = await getDb().memoryItem.count();
const report = {
  at: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  seeded: N,
  users: userIds.length,
  memoriesAtEnd: memoryCount,
  samples: SAMPLES,
  results,
  writesPerSecondAtConcurrency8: writesPerSecond,
  createActions: actions,
  vectorArmPlan: plan,
  heavyUser: heavyUserId
    ? { memories: HEAVY, chosenVectorScan: heavyChoice?.exact ? "exact" : "hnsw", vectorArmPlanExact: heavyPlan, vectorArmPlanHnsw: heavyPlanHnsw, vectorArmPlanHnswWithoutIterativeScan: heavyPlanWithoutIterativeScan }
    : null,
  loadAverage: { atStart: loadAtStart, atEnd: os.loadavg() },
  targets: { createMemoryP95Ms: 15, hybridSearchP95Ms: 20, at: "100k memories, 2 cores" },
};

const rows = Object.entries(results).map(([op, s]) => `${op.padEnd(20)}${[s.count, s.p50, s.p95, s.p99, s.mean, s.max].map((v) => String(v).padStart(9)).join("")}`);
console.log(`\nMemory benchmark: ${N} seeded memories, ${userIds.length} users, ${os.cpus().length} CPUs (ms)`);
console.log(`${"operation".padEnd(20)}${["n", "p50", "p95", "p99", "mean", "max"].map((h) => h.padStart(9)).join("")}`);
for (const r of rows) console.log(r);
console.log(`createMemory at concurrency ${CONCURRENCY}: ${writesPerSecond} writes/s (${WRITES} writes)`);
console.log(`create actions: ${JSON.stringify(actions)}`);
const planSummary = (p: string[]) =>
  p.map((l) => l.trim().replace(/^->\s*/, "")).filter((l) => /Scan|Sort \(|Limit|Execution Time/.test(l)).join(" → ");
console.log(`vector arm, exact (user with ~${PER_USER}): ${planSummary(plan)}`);
if (heavyChoice) console.log(`hybridSearch/dedup for the user with ${HEAVY} use: ${heavyChoice.exact ? "exact scan" : "HNSW + iterative scan"}`);
if (heavyPlan) console.log(`vector arm, exact (user with ${HEAVY}): ${planSummary(heavyPlan)}`);
if (heavyPlanHnsw) console.log(`vector arm, HNSW + iterative scan (user with ${HEAVY}): ${planSummary(heavyPlanHnsw)}`);
if (heavyPlanWithoutIterativeScan) console.log(`vector arm, HNSW without iterative scan (user with ${HEAVY}): ${planSummary(heavyPlanWithoutIterativeScan)}`);
console.log(`load average (1/5/15 min) at start ${loadAtStart.map((l) => l.toFixed(2)).join(" ")}, at end ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);

const outDir = path.resolve("bench/out");
fs.mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, `memory-${N}-${report.at.replace(/[:.]/g, "-")}.json`);
fs.writeFileSync(file, JSON.stringify(report, null, 2));
console.log(`JSON: ${path.relative(process.cwd(), file)}`);

await getDb().$disconnect();
getRedis()?.disconnect();
getRedisSubscriber()?.disconnect();
