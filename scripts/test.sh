#!/usr/bin/env bash
# The README's test command (`npm test`), used by developers and by CI's .ci/run alike: on a
# fresh Debian machine it brings up what is missing itself, then runs every test.
#
# Phases: set-up (scripts/setup/ensure-test-env.sh: PostgreSQL 15 + pgvector, Redis, Chromium,
# the deployment checks' tools and node_modules; reused when present, installed only as root)
# → services → prisma generate → vitest (unit + integration) → eval gate → next build → deploy
# (the production build run as the container image runs it; compose and proxy files checked
# with Docker Compose v2 and Caddy) → playwright. Servers the set-up started are stopped again
# when the run ends (MNEMO_KEEP_SERVICES=1 keeps them for the next run).
#
#   TEST_DATABASE_URL  default postgresql://postgres@127.0.0.1:5432/mnemo_test (the database is created by vitest's globalSetup)
#   TEST_REDIS_URL     default redis://127.0.0.1:6379/1 (the e2e app uses database 2 of the same server)
#   MNEMO_SKIP_SETUP=1 skip the set-up phase (everything is known to be there)
#   MNEMO_NO_INSTALL=1 never install packages, even as root
#
# A failed phase does not stop the independent ones after it (vitest failing still runs the
# browser tests) but skips those that depend on it; the exit status is non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."

export NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# Ports the set-up had to choose come back as `export TEST_…=…` lines in this file.
export MNEMO_SETUP_ENV_FILE=$(mktemp) MNEMO_SETUP_STARTED=$(mktemp)
cleanup() {
  if [ "${MNEMO_KEEP_SERVICES:-0}" != 1 ]; then bash scripts/setup/stop-started.sh "$MNEMO_SETUP_STARTED"; fi
  rm -f "$MNEMO_SETUP_ENV_FILE" "$MNEMO_SETUP_STARTED"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
REPORTS=.data/test-reports
mkdir -p "$REPORTS"
rm -f "$REPORTS"/*.json "$REPORTS"/summary.txt

bold=$'\e[1m' red=$'\e[31m' green=$'\e[32m' dim=$'\e[2m' reset=$'\e[0m'
if [ ! -t 1 ] || [ -n "${NO_COLOR:-}" ]; then bold='' red='' green='' dim='' reset=''; fi

declare -a NAMES=() RESULTS=() TIMES=()
declare -A STATUS=()
START=$SECONDS

# phase NAME DEPENDS_ON CMD...: runs CMD unless a phase it depends on did not pass.
phase() {
  local name=$1 dep=$2; shift 2
  local t0=$SECONDS rc=0
  NAMES+=("$name")
  if [ -n "$dep" ] && [ "${STATUS[$dep]:-}" != ok ]; then
    printf '\n%s── %s: skipped (needs %s) ──%s\n' "$dim" "$name" "$dep" "$reset"
    STATUS[$name]=skipped; RESULTS+=("skipped (needs $dep)"); TIMES+=(0)
    return
  fi
  printf '\n%s━━━━ %s ━━━━%s  %s$ %s%s\n' "$bold" "$name" "$reset" "$dim" "$*" "$reset"
  "$@" || rc=$?
  local dt=$((SECONDS - t0))
  TIMES+=("$dt")
  if [ "$rc" -eq 0 ]; then
    STATUS[$name]=ok; RESULTS+=("ok")
    printf '%s✔ %s passed (%ds)%s\n' "$green" "$name" "$dt" "$reset"
  else
    STATUS[$name]=failed; RESULTS+=("FAILED (exit $rc)")
    printf '%s✘ %s FAILED with exit %d (%ds)%s\n' "$red" "$name" "$rc" "$dt" "$reset"
  fi
}

# Fail fast: nothing below is meaningful without both services.
check_services() {
  node --input-type=module -e '
    import pg from "pg";
    import Redis from "ioredis";
    const dbUrl = new URL(process.env.TEST_DATABASE_URL);
    const where = `${dbUrl.hostname}:${dbUrl.port || 5432}`;
    dbUrl.pathname = "/postgres"; // the test database itself may not exist yet
    const problems = [];
    const client = new pg.Client({ connectionString: dbUrl.toString(), connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
      const { rows } = await client.query(
        "select current_setting($1) as version, exists (select 1 from pg_available_extensions where name = $2) as vector",
        ["server_version", "vector"],
      );
      if (!rows[0].vector) problems.push(`PostgreSQL ${rows[0].version} at ${where} has no pgvector extension available (see scripts/setup/ensure-pgvector.sh)`);
      else console.log(`PostgreSQL ${rows[0].version} with pgvector at ${where}`);
    } catch (e) {
      problems.push(`PostgreSQL is not reachable at ${where} (${e.message}). Start it, or set TEST_DATABASE_URL.`);
    } finally {
      await client.end().catch(() => {});
    }
    const redis = new Redis(process.env.TEST_REDIS_URL, { lazyConnect: true, connectTimeout: 5000, maxRetriesPerRequest: 0, retryStrategy: () => null });
    let lastError;
    redis.on("error", (e) => { lastError = e; });
    try {
      await redis.connect();
      const info = await redis.info("server");
      console.log(`Redis ${/redis_version:(\S+)/.exec(info)?.[1] ?? "?"} at ${process.env.TEST_REDIS_URL}`);
    } catch (e) {
      problems.push(`Redis is not reachable at ${process.env.TEST_REDIS_URL} (${(lastError ?? e).message}). Start it, or set TEST_REDIS_URL.`);
    } finally {
      redis.disconnect();
    }
    if (problems.length) {
      for (const p of problems) console.error(`✘ ${p}`);
      console.error("The tests need both services; the set-up phase (scripts/setup/ensure-test-env.sh) brings them up unless MNEMO_SKIP_SETUP=1.");
      process.exit(1);
    }
  '
}

# The eval gate: measures memory-write quality against the golden dataset (the eval owns the
# script and its thresholds). It runs against a database of its own on the test server
# (mnemo_eval, created when missing; EVAL_DATABASE_URL overrides), never a developer's
# embedded one, and always with the offline model.
run_eval() {
  if ! node -e 'process.exit(require("./package.json").scripts?.eval ? 0 : 1)'; then
    echo "no \"eval\" script in package.json yet: eval gate skipped"
    return 0
  fi
  local db_url redis_url
  db_url=${EVAL_DATABASE_URL:-$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/mnemo_eval"; console.log(u.toString())' "$TEST_DATABASE_URL")}
  redis_url=$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/3"; console.log(u.toString())' "$TEST_REDIS_URL")
  node --input-type=module -e '
    import pg from "pg";
    const url = new URL(process.argv[1]);
    const name = decodeURIComponent(url.pathname.slice(1));
    url.pathname = "/postgres";
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) await client.query(`create database "${name.replaceAll(`"`, `""`)}"`);
    await client.end();
  ' "$db_url" || return 1
  DATABASE_URL=$db_url REDIS_URL=$redis_url DATA_DIR=.data/eval \
    BETTER_AUTH_SECRET=eval-secret-eval-secret-eval-secret-0123 \
    LLM_PROVIDER=local EMBEDDING_PROVIDER=local OPENAI_API_KEY= OPENAI_BASE_URL= \
    npm run --silent eval -- --dataset eval/memory_write_golden_dataset.json
}

set_up() {
  bash scripts/setup/ensure-test-env.sh || return 1
  # shellcheck disable=SC1090
  source "$MNEMO_SETUP_ENV_FILE"
}

if [ "${MNEMO_SKIP_SETUP:-0}" = 1 ]; then
  echo "MNEMO_SKIP_SETUP=1: no set-up"
else
  phase "set-up" "" set_up
  if [ "${STATUS[set-up]}" != ok ]; then
    echo "${red}The set-up failed (see above); no test ran.${reset}" >&2
    exit 1
  fi
fi
export TEST_DATABASE_URL=${TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/mnemo_test}
export TEST_REDIS_URL=${TEST_REDIS_URL:-redis://127.0.0.1:6379/1}

phase "services" "" check_services
if [ "${STATUS[services]}" != ok ]; then
  echo "${red}Postgres and Redis must be reachable before the tests can run.${reset}" >&2
  exit 1
fi
phase "prisma generate" services ./node_modules/.bin/prisma generate
phase "vitest" "prisma generate" ./node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile.json="$REPORTS/vitest.json"
# ---- eval gate hook -------------------------------------------------------------------------
phase "eval" "prisma generate" run_eval
# ---------------------------------------------------------------------------------------------
phase "next build" "prisma generate" ./node_modules/.bin/next build
phase "deploy" "next build" ./node_modules/.bin/vitest run -c vitest.deploy.config.ts --reporter=default --reporter=json --outputFile.json="$REPORTS/vitest-deploy.json"
phase "playwright" "next build" ./node_modules/.bin/playwright test

# Test counts from the runners' JSON reports. A phase that failed without a failing test
# (a crash, a build error) counts as one failure so the total never reads as clean.
counts=$(node -e '
  const fs = require("node:fs");
  const read = (f) => { try { return JSON.parse(fs.readFileSync(f, "utf8")); } catch { return null; } };
  const dir = process.argv[1];
  let passed = 0, failed = 0, skipped = 0;
  const v = read(`${dir}/vitest.json`);
  const d = read(`${dir}/vitest-deploy.json`);
  for (const r of [v, d]) if (r) { passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + (r.numTodoTests ?? 0); }
  const p = read(`${dir}/playwright.json`);
  if (p) { passed += p.stats.expected + p.stats.flaky; failed += p.stats.unexpected; skipped += p.stats.skipped; }
  console.log(passed, failed, skipped, v ? v.numFailedTests : -1, p ? p.stats.unexpected : -1, d ? d.numFailedTests : -1);
' "$REPORTS")
read -r passed failed skipped vitest_failed pw_failed deploy_failed <<<"$counts"
[ "${STATUS[vitest]}" = failed ] && [ "$vitest_failed" -le 0 ] && failed=$((failed + 1))
[ "${STATUS[deploy]}" = failed ] && [ "$deploy_failed" -le 0 ] && failed=$((failed + 1))
[ "${STATUS[playwright]}" = failed ] && [ "$pw_failed" -le 0 ] && failed=$((failed + 1))
for p in "prisma generate" eval "next build"; do [ "${STATUS[$p]}" = failed ] && failed=$((failed + 1)); done

printf '\n%s━━━━ summary ━━━━%s\n' "$bold" "$reset"
any_bad=0
for i in "${!NAMES[@]}"; do
  printf '  %-16s %4ss  %s\n' "${NAMES[$i]}" "${TIMES[$i]}" "${RESULTS[$i]}"
  [ "${RESULTS[$i]}" = ok ] || any_bad=1
done
printf '  %-16s %4ss\n' total $((SECONDS - START))
[ -f playwright-report/index.html ] && echo "  browser report: playwright-report/index.html (screenshots under test-results/)"
line="tests: $passed passed, $failed failed, $skipped skipped"
echo "$line" >"$REPORTS/summary.txt"
echo "$line"
exit "$any_bad"
