// Audit log keyset pagination at scale: seeds N audit events (default 200k; --rows 1000000)
// with one bulk INSERT ... SELECT generate_series, then times the audit page query the app
// runs (lib/db/memory-events-sql.ts) for the first page, a deep page, and filtered pages,
// printing p50/p95 and each plan (EXPLAIN ANALYZE of the very same statement and parameters).
//
//   npm run bench:audit -- [--rows 1000000] [--runs 30] [--users 1000] [--no-explain]
//   BENCH_AUDIT_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/mnemo_bench_audit): created,
//   migrated and topped up to --rows events; never point it at a database you care about.
import pg from "pg";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const ROWS = arg("rows", 200_000);
const RUNS = arg("runs", 30);
const USERS = arg("users", 1_000);
const EXPLAIN = !process.argv.includes("--no-explain");
const url = process.env.BENCH_AUDIT_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/mnemo_bench_audit";

async function ensureDatabase() {
  const admin = new URL(url);
  const name = decodeURIComponent(admin.pathname.slice(1));
  if (!/bench/.test(name)) throw new Error(`refusing to seed "${name}": the bench database name must contain "bench"`);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

async function seed(client: pg.Client) {
  await client.query(`
    INSERT INTO users (id, name, email, role)
    SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'Bench ' || i, 'bench-' || i || '@bench.test', 'user'
    FROM generate_series(1, $1::int) i
    ON CONFLICT DO NOTHING`, [USERS]);
  const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM memory_write_events");
  const missing = ROWS - Number(rows[0]!.n);
  if (missing <= 0) return console.log(`[bench] ${rows[0]!.n} events already present`);
  const t0 = performance.now();
  // User ids skew (a few heavy users, a long tail), operations and extraction types follow a
  // plausible mix, one correlation id per 3 rows, timestamps spread over the last 365 days in seq order.
  await client.query(`
    INSERT INTO memory_write_events
      (id, memory_item_id, user_id, operation, confidence, extraction_type, before_content, after_content,
       correlation_id, processing_time_ms, created_at)
    SELECT gen_random_uuid(), NULL,
      ('00000000-0000-4000-8000-' || lpad(to_hex(1 + floor(power(random(), 3) * $2::int)::int), 12, '0'))::uuid,
      (ARRAY['create','create','create','create','create','supersede','delete','propose','confirm','reject'])[1 + (i % 10)],
      round(random()::numeric, 2)::float8,
      (ARRAY['explicit','explicit','implicit','correction','user_confirmed','user_action','episode'])[1 + (i % 7)],
      CASE WHEN i % 10 IN (5, 6, 9) THEN 'Old memory text number ' || i END,
      CASE WHEN i % 10 NOT IN (6, 9) THEN 'The user said something memorable, number ' || i END,
      md5((i / 3)::text)::uuid,
      (random() * 200)::int,
      now() - interval '365 days' + (i::float8 / $1::int) * interval '365 days'
    FROM generate_series(1, $1::int) i`, [missing, USERS]);
  await client.query("ANALYZE memory_write_events; ANALYZE users;");
  console.log(`[bench] inserted ${missing} events in ${Math.round(performance.now() - t0)} ms`);
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main() {
  await ensureDatabase();
  // Scripts may set the environment; the app reads it once through lib/config.ts.
  process.env.DATABASE_URL = url;
  process.env.LOG_LEVEL ??= "warn";
  const { applyMigrations } = await import("@/lib/db/migrations/apply-migrations");
  await applyMigrations({ connectionString: url });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await seed(client);

  const { auditPageSql } = await import("@/lib/db/memory-events-sql");
  const { getDb } = await import("@/lib/db/client");
  const { selectAuditPage } = await import("@/lib/db/memory-events-sql");
  const db = getDb();

  const stats = (await client.query<{ min: string; max: string; n: string }>("SELECT min(seq) AS min, max(seq) AS max, count(*) AS n FROM memory_write_events")).rows[0]!;
  const deep = (BigInt(stats.min) + (BigInt(stats.max) - BigInt(stats.min)) / 10n).toString(); // 90% of the way down
  const heavy = (await client.query<{ user_id: string; email: string; n: string }>(`
    SELECT e.user_id::text, u.email, count(*) AS n FROM memory_write_events e JOIN users u ON u.id = e.user_id
    WHERE e.user_id = '00000000-0000-4000-8000-000000000001' GROUP BY 1, 2`)).rows[0]!;
  const light = (await client.query<{ email: string }>(`SELECT email FROM users WHERE email = 'bench-${USERS}@bench.test'`)).rows[0]!;
  const correlation = (await client.query<{ c: string }>("SELECT correlation_id::text AS c FROM memory_write_events WHERE seq = $1", [deep])).rows[0]!.c;
  const midDay = new Date(Date.now() - 180 * 86_400_000);
  const dayAfter = new Date(midDay.getTime() + 86_400_000);
  console.log(`[bench] ${stats.n} events, seq ${stats.min}..${stats.max}; heavy user has ${heavy.n} events`);

  const base = { user: undefined, operation: undefined, extractionType: undefined, from: undefined, to: undefined, correlationId: undefined, cursor: null, limit: 51 };
  type Q = Parameters<typeof auditPageSql>[0];
  const cases: [string, Q][] = [
    ["first page", { ...base }],
    ["deep page (90% down)", { ...base, cursor: deep }],
    ["user (heavy, by id)", { ...base, user: heavy.user_id }],
    ["user (heavy) deep page", { ...base, user: heavy.user_id, cursor: deep }],
    ["user (light, by email)", { ...base, user: light.email }],
    ["operation = reject", { ...base, operation: "reject" }],
    ["operation = reject, deep", { ...base, operation: "reject", cursor: deep }],
    ["user + operation", { ...base, user: heavy.user_id, operation: "delete" }],
    ["extraction = episode", { ...base, extractionType: "episode" }],
    ["one day, 6 months ago", { ...base, from: midDay, to: dayAfter }],
    ["correlation id", { ...base, correlationId: correlation }],
  ];

  console.log(`\n${"case".padEnd(28)} ${"rows".padStart(5)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}`);
  const plans: string[] = [];
  for (const [name, q] of cases) {
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < RUNS + 3; i++) {
      const t0 = performance.now();
      rows = (await selectAuditPage(db, q)).length;
      if (i >= 3) times.push(performance.now() - t0); // the first runs warm caches and the pool
    }
    times.sort((a, b) => a - b);
    console.log(`${name.padEnd(28)} ${String(rows).padStart(5)} ${pct(times, 50).toFixed(2).padStart(8)} ${pct(times, 95).toFixed(2).padStart(8)}`);
    if (EXPLAIN) {
      const sql = auditPageSql(q);
      const plan = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql.text}`, sql.values as unknown[]);
      plans.push(`--- ${name}\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
    }
  }
  if (EXPLAIN) console.log(`\n${plans.join("\n\n")}`);
  await client.end();
  await db.$disconnect();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
