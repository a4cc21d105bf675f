// Deployment benchmark (a script, not a timed test): `npm run bench:deploy [-- --replicas 1,2]`.
// Runs the built app the way the container image does (scripts/deploy: the Dockerfile's migrate
// and app stages) behind Caddy with the real deploy/Caddyfile, first with one replica, then
// with more, all on one PostgreSQL and Redis. Virtual users chat through the proxy concurrently;
// prints per-turn latency (the whole streamed reply) p50/p95/p99 and turns/s per replica count,
// and /api/health through the proxy. Needs `npm run build` first, and caddy
// (scripts/setup/ensure-deploy-tools.sh). Writes JSON to bench/out/.
//
//   --replicas 1,2   replica counts to measure (default 1,2)
//   --users U        concurrent virtual users (default 16)
//   --turns T        timed turns per user (default 10)
//   BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/mnemo_bench_deploy; recreated, so it must name a bench database)
//   BENCH_REDIS_URL    (default redis://127.0.0.1:6379/5)
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { percentile } from "@/eval/scorers/percentile";
import { assembleAppImage, runMigrateStage, startProxy, startReplica, type Replica } from "@/scripts/deploy/run-image-locally";

const { values: args } = parseArgs({
  options: {
    replicas: { type: "string", default: "1,2" },
    users: { type: "string", default: "16" },
    turns: { type: "string", default: "10" },
  },
});
const REPLICAS = args.replicas.split(",").map(Number);
const USERS = Number(args.users);
const TURNS = Number(args.turns);
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/mnemo_bench_deploy";
const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379/5";

const env = {
  DATABASE_URL,
  REDIS_URL,
  BETTER_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123",
  // Every virtual user comes through the proxy from 127.0.0.1: one sign-up bucket for all.
  AUTH_RATE_LIMIT: "off",
  MEMORY_WRITE_RATE_PER_HOUR: "100000",
  LOG_LEVEL: "error",
};

function stats(ms: number[]) {
  const round = (x: number) => Math.round(x * 10) / 10;
  const q = (p: number) => round(percentile({ values: ms, p }));
  return { count: ms.length, p50: q(50), p95: q(95), p99: q(99), mean: round(ms.reduce((a, b) => a + b, 0) / ms.length) };
}

async function recreateDatabase() {
  const url = new URL(DATABASE_URL);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!name.includes("bench")) throw new Error(`refusing to recreate "${name}": BENCH_DATABASE_URL must name a database with "bench" in it`);
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}

async function signUp(base: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email: `bench-${randomUUID()}@bench.local`, password: "correct-horse-battery", name: "Bench" }),
  });
  if (!response.ok) throw new Error(`sign-up: ${response.status} ${await response.text()}`);
  return response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

const HOBBIES = ["chess", "climbing", "pottery", "sailing", "baking", "running", "painting", "cycling", "birdwatching", "knitting"];

/** One chat turn, timed until the streamed reply has fully arrived. */
async function turn(base: string, cookie: string, i: number): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${base}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: base },
    body: JSON.stringify({
      id: randomUUID(),
      message: { id: randomUUID(), role: "user", parts: [{ type: "text", text: `I enjoy ${HOBBIES[i % HOBBIES.length]} on weekend ${i}.` }] },
    }),
  });
  const body = await response.text();
  if (!response.ok || !body.includes('"type":"finish"')) throw new Error(`chat: ${response.status} ${body.slice(0, 200)}`);
  return performance.now() - started;
}

async function measure(appDir: string, count: number) {
  const replicas: Replica[] = [];
  try {
    for (let i = 0; i < count; i++) replicas.push(await startReplica(appDir, env));
    const proxy = await startProxy(replicas);
    try {
      const cookies = await Promise.all(Array.from({ length: USERS }, () => signUp(proxy.url)));
      // Warm-up: the first request to each route loads its code on every replica.
      await Promise.all(cookies.map((cookie, u) => turn(proxy.url, cookie, u)));
      const latencies: number[] = [];
      const started = performance.now();
      await Promise.all(
        cookies.map(async (cookie, u) => {
          for (let t = 0; t < TURNS; t++) latencies.push(await turn(proxy.url, cookie, u * TURNS + t));
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const health: number[] = [];
      for (let i = 0; i < 200; i++) {
        const t0 = performance.now();
        await (await fetch(`${proxy.url}/api/health`)).text();
        health.push(performance.now() - t0);
      }
      return { replicas: count, turn: stats(latencies), turnsPerSecond: Math.round((latencies.length / seconds) * 10) / 10, health: stats(health) };
    } finally {
      await proxy.stop();
    }
  } finally {
    await Promise.all(replicas.map((r) => r.stop()));
  }
}

async function main() {
  await recreateDatabase();
  const migrated = await runMigrateStage(env);
  if (migrated.status !== 0) throw new Error(`migrate stage failed:\n${migrated.output}`);
  const appDir = assembleAppImage();
  const results = [];
  try {
    for (const count of REPLICAS) {
      console.error(`[bench:deploy] ${count} replica(s), ${USERS} users × ${TURNS} turns …`);
      results.push(await measure(appDir, count));
    }
  } finally {
    fs.rmSync(appDir, { recursive: true, force: true });
  }
  console.log(`${os.cpus().length} cores; ${USERS} concurrent users × ${TURNS} chat turns through Caddy; ms`);
  console.log(`${"replicas".padEnd(10)}${["turns", "turns/s", "p50", "p95", "p99", "health p50", "health p95"].map((h) => h.padStart(12)).join("")}`);
  for (const r of results) {
    const cells = [r.turn.count, r.turnsPerSecond, r.turn.p50, r.turn.p95, r.turn.p99, r.health.p50, r.health.p95];
    console.log(`${String(r.replicas).padEnd(10)}${cells.map((c) => String(c).padStart(12)).join("")}`);
  }
  const out = path.join("bench", "out", `deploy-${new Date().toISOString().replaceAll(":", "-")}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ users: USERS, turns: TURNS, cores: os.cpus().length, results }, null, 2));
  console.log(`JSON: ${out}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
