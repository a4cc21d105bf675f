// Load benchmark for the background memory-write worker (a script, not a timed test):
// `npm run bench:load [-- --users 16,48 --seconds 60]` after `npm run build`.
// Runs the built app as the container image does (one replica, real PostgreSQL + Redis), with
// virtual users sending chat turns back to back, each turn stating a fact the offline model
// saves. Each user count is measured in one run with the worker on (in the app process), with
// MEMORY_WORKER_ENABLED=false, and, when asked, with the worker in a process of its own (`npm
// run worker`, as compose's `worker` service) beside an app that runs none; a fresh database each time. Prints turns/s, turn
// p50/p95/p99, memory-write jobs done per second during the load, the backlog at the end,
// queued → done p50/p95 (done is when the write commits and its live event is published),
// the replica's RSS before, at the end and 10 s later, and the ratio of chat p95 with the
// worker to chat p95 without it (and of the worker process's). Writes JSON to bench/out/.
//
//   --users 16,48    concurrent virtual users per measurement (default 16,48)
//   --seconds S      length of each load phase (default 60)
//   --order on,off   which worker settings run, in this order: on, off, process (default on,off)
//   BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/mnemo_bench_load; recreated, must contain "bench")
//   BENCH_REDIS_URL    (default redis://127.0.0.1:6379/7)
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type ChildProcess, spawn } from "node:child_process";
import { parseArgs } from "node:util";
import pg from "pg";
import { percentile } from "@/eval/scorers/percentile";
import { assembleAppImage, runMigrateStage, startReplica } from "@/scripts/deploy/run-image-locally";

const { values: args } = parseArgs({
  options: {
    users: { type: "string", default: "16,48" },
    seconds: { type: "string", default: "60" },
    order: { type: "string", default: "on,off" },
  },
});
const USER_COUNTS = args.users.split(",").map(Number);
const SECONDS = Number(args.seconds);
const ORDER = args.order.split(",") as WorkerSetting[];
if (!ORDER.every((o) => ["on", "off", "process"].includes(o))) throw new Error("--order takes on, off and process");
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/mnemo_bench_load";
const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379/7";

function stats(ms: number[]) {
  const round = (x: number) => Math.round(x * 10) / 10;
  const q = (p: number) => (ms.length ? round(percentile({ values: ms, p })) : 0);
  return { count: ms.length, p50: q(50), p95: q(95), p99: q(99) };
}

async function admin<T>(database: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(DATABASE_URL);
  url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const dbName = () => decodeURIComponent(new URL(DATABASE_URL).pathname.slice(1));

async function recreateDatabase() {
  const name = dbName();
  if (!name.includes("bench")) throw new Error(`refusing to recreate "${name}": BENCH_DATABASE_URL must name a database with "bench" in it`);
  await admin("postgres", async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
}

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function signUp(base: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email: `load-${randomUUID()}@bench.local`, password: "correct-horse-battery", name: "Load" }),
  });
  if (!response.ok) throw new Error(`sign-up: ${response.status} ${await response.text()}`);
  return response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

const THINGS = ["chess", "climbing", "pottery", "sailing", "baking", "running", "painting", "cycling", "birdwatching", "knitting", "surfing", "gardening"];
const PLACES = ["Leeds", "Porto", "Lyon", "Graz", "Cork", "Bergen", "Gdansk", "Malmo", "Turin", "Ghent", "Tartu", "Brno"];

async function turn(base: string, cookie: string, conversationId: string, n: number): Promise<number> {
  const started = performance.now();
  const text = `I enjoy ${THINGS[n % THINGS.length]} in ${PLACES[Math.floor(n / THINGS.length) % PLACES.length]} with friend number ${n}.`;
  const response = await fetch(`${base}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: base },
    body: JSON.stringify({ id: conversationId, message: { id: randomUUID(), role: "user", parts: [{ type: "text", text }] } }),
  });
  const body = await response.text();
  if (!response.ok || !body.includes('"type":"finish"')) throw new Error(`chat: ${response.status} ${body.slice(0, 200)}`);
  return performance.now() - started;
}

type WorkerSetting = "on" | "off" | "process";

/** `npm run worker` as compose's `worker` service runs it (the tools image: lib/ and tsx), on the bench's database and Redis. */
function startWorkerProcess(env: Record<string, string>): { pid: number; stop: () => Promise<void>; output: () => string } {
  const child: ChildProcess = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/run-memory-worker.ts"], {
    env: { ...process.env, ...env, MEMORY_WORKER_ENABLED: "true", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => void (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => void (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    pid: child.pid!,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

async function measure(appDir: string, users: number, worker: WorkerSetting) {
  await recreateDatabase();
  const migrated = await runMigrateStage({ DATABASE_URL, BETTER_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123" });
  if (migrated.status !== 0) throw new Error(`migrate stage failed:\n${migrated.output}`);
  const env = {
    DATABASE_URL,
    REDIS_URL,
    BETTER_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123",
    AUTH_RATE_LIMIT: "off",
    MEMORY_WRITE_RATE_PER_HOUR: "1000000",
    MEMORY_WRITE_RATE_PER_CONVERSATION: "1000000",
    LOG_LEVEL: "error",
  };
  const replica = await startReplica(appDir, { ...env, MEMORY_WORKER_ENABLED: worker === "on" ? "true" : "false" });
  const workerProcess = worker === "process" ? startWorkerProcess(env) : null;
  try {
    const cookies = await Promise.all(Array.from({ length: users }, () => signUp(replica.url)));
    // Warm-up: every route's code is loaded before the clock starts.
    await Promise.all(cookies.map((cookie, u) => turn(replica.url, cookie, randomUUID(), 100_000 + u)));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const rssBefore = rssMiB(replica.pid);
    const loadStart = new Date();
    const deadline = performance.now() + SECONDS * 1000;
    const latencies: number[] = [];
    let n = 0;
    await Promise.all(
      cookies.map(async (cookie) => {
        let conversationId = randomUUID();
        for (let t = 0; performance.now() < deadline; t++) {
          if (t % 8 === 7) conversationId = randomUUID();
          latencies.push(await turn(replica.url, cookie, conversationId, n++));
        }
      }),
    );
    const loadEnd = new Date();
    const seconds = (loadEnd.getTime() - loadStart.getTime()) / 1000;
    const rssEnd = rssMiB(replica.pid);
    const workerRssEnd = workerProcess ? rssMiB(workerProcess.pid) : null;
    const during = await admin(dbName(), async (client) => {
      const { rows } = await client.query(
        `SELECT count(*) FILTER (WHERE finished_at BETWEEN $1 AND $2)::int AS done,
                count(*) FILTER (WHERE status IN ('queued', 'running'))::int AS backlog
         FROM memory_write_jobs WHERE kind <> 'episode'`,
        [loadStart, loadEnd],
      );
      return rows[0] as { done: number; backlog: number };
    });
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const rssIdle = rssMiB(replica.pid);
    // With the worker on, wait for the rest of the backlog, then time queued → done over every write of the load.
    let drainSeconds: number | null = null;
    if (worker !== "off") {
      const drainStart = performance.now();
      for (;;) {
        const left = await admin(dbName(), async (c) => (await c.query(`SELECT count(*)::int AS n FROM memory_write_jobs WHERE status IN ('queued','running')`)).rows[0].n as number);
        if (left === 0 || performance.now() - drainStart > 300_000) break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      drainSeconds = Math.round((performance.now() - drainStart) / 100) / 10 + 10;
    }
    const queuedToDone = await admin(dbName(), async (client) => {
      const { rows } = await client.query(
        `SELECT extract(epoch FROM finished_at - created_at) * 1000 AS ms FROM memory_write_jobs
         WHERE kind <> 'episode' AND finished_at IS NOT NULL AND created_at BETWEEN $1 AND $2`,
        [loadStart, loadEnd],
      );
      return rows.map((r: { ms: string }) => Number(r.ms));
    });
    return {
      users,
      worker,
      seconds: Math.round(seconds),
      turn: stats(latencies),
      turnsPerSecond: Math.round((latencies.length / seconds) * 10) / 10,
      jobsDonePerSecondDuringLoad: Math.round((during.done / seconds) * 10) / 10,
      backlogAtEnd: during.backlog,
      queuedToDone: stats(queuedToDone),
      drainSecondsAfterLoad: drainSeconds,
      rssMiB: { before: rssBefore, end: rssEnd, tenSecondsLater: rssIdle },
      workerProcessRssMiB: workerRssEnd,
    };
  } finally {
    await workerProcess?.stop();
    await replica.stop();
  }
}

async function main() {
  const appDir = assembleAppImage();
  const results = [];
  try {
    for (const users of USER_COUNTS) {
      for (const worker of ORDER) {
        console.error(`[bench:load] ${users} users, worker ${worker}, ${SECONDS} s …`);
        results.push(await measure(appDir, users, worker));
      }
    }
  } finally {
    fs.rmSync(appDir, { recursive: true, force: true });
  }
  console.log(`${os.cpus().length} cores; one replica; chat turns back to back for ${SECONDS} s; ms unless noted`);
  const head = ["users", "worker", "turns/s", "p50", "p95", "p99", "jobs/s", "backlog", "q→done p50", "q→done p95", "drain s", "RSS MiB b/e/+10s"];
  console.log(head.map((h, i) => (i < 2 ? h.padEnd(8) : h.padStart(12))).join(""));
  for (const r of results) {
    const cells = [r.users, r.worker, r.turnsPerSecond, r.turn.p50, r.turn.p95, r.turn.p99, r.jobsDonePerSecondDuringLoad, r.backlogAtEnd,
      r.worker !== "off" ? r.queuedToDone.p50 : "-", r.worker !== "off" ? r.queuedToDone.p95 : "-", r.drainSecondsAfterLoad ?? "-",
      `${r.rssMiB.before}/${r.rssMiB.end}/${r.rssMiB.tenSecondsLater}`];
    console.log(cells.map((c, i) => (i < 2 ? String(c).padEnd(8) : String(c).padStart(12))).join(""));
  }
  for (const r of results) if (r.workerProcessRssMiB !== null) console.log(`${r.users} users: worker process RSS at the end of the load ${r.workerProcessRssMiB} MiB`);
  for (const users of USER_COUNTS) {
    const on = results.find((r) => r.users === users && r.worker === "on");
    const off = results.find((r) => r.users === users && r.worker === "off");
    if (on && off) console.log(`${users} users: chat p95 worker on / off = ${(on.turn.p95 / off.turn.p95).toFixed(2)}; turns/s on / off = ${(on.turnsPerSecond / off.turnsPerSecond).toFixed(2)}`);
    const separate = results.find((r) => r.users === users && r.worker === "process");
    if (separate && off) console.log(`${users} users: chat p95 worker process / off = ${(separate.turn.p95 / off.turn.p95).toFixed(2)}; turns/s process / off = ${(separate.turnsPerSecond / off.turnsPerSecond).toFixed(2)}`);
  }
  const out = path.join("bench", "out", `load-${new Date().toISOString().replaceAll(":", "-")}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ seconds: SECONDS, cores: os.cpus().length, results }, null, 2));
  console.log(`JSON: ${out}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
