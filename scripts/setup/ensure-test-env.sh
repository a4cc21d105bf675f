#!/usr/bin/env bash
# Everything `npm test` needs on this machine, brought up by the same steps on a developer's
# machine and on CI's fresh Debian one: PostgreSQL 15 with pgvector, Redis, Chromium, the
# deployment checks' tools (Docker Compose v2, Caddy, the image's Node.js) and node_modules.
# Each step first checks whether its work is already done, says what it does when it is not,
# and reuses running servers. Packages are installed only as root with apt (and never with
# MNEMO_NO_INSTALL=1); otherwise a missing package stops the run with the command to fix it.
#
# Servers it starts are listed in $MNEMO_SETUP_STARTED (scripts/setup/stop-started.sh stops
# them); ports it had to choose are written as `export TEST_…=…` lines to $MNEMO_SETUP_ENV_FILE.
# Both files are the caller's (scripts/test.sh). Run alone (`sudo bash scripts/setup/ensure-test-env.sh`)
# it leaves the servers running for later `npm test` runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
export MNEMO_SETUP_RUN_ID=${MNEMO_SETUP_RUN_ID:-"$(date +%s)-$$"}
export MNEMO_SETUP_ENV_FILE=${MNEMO_SETUP_ENV_FILE:-/dev/null}
[ "$MNEMO_SETUP_ENV_FILE" = /dev/null ] || touch "$MNEMO_SETUP_ENV_FILE"

step() {
  local name=$1; shift
  local t0=$SECONDS
  printf '[setup] %s …\n' "$name"
  "$@"
  printf '[setup] %s done (%ds)\n' "$name" $((SECONDS - t0))
  # shellcheck disable=SC1090
  [ "$MNEMO_SETUP_ENV_FILE" = /dev/null ] || source "$MNEMO_SETUP_ENV_FILE"
}

check_node() {
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=9)?0:1)' \
    || { echo "[setup] Node.js $(node --version) is too old: >= 20.9 is required" >&2; return 1; }
  echo "[setup] node $(node --version), npm $(npm --version 2>/dev/null), $(nproc) cores, running as $(id -un)"
}

# node_modules is (re)installed when it is missing or older than package.json / the lock.
ensure_deps() {
  local marker=node_modules/.package-lock.json
  if [ -f "$marker" ] && [ "$marker" -nt package-lock.json ] && [ "$marker" -nt package.json ]; then
    node scripts/check-lock.mjs .
    echo "[setup] node_modules is up to date with package-lock.json"
    return
  fi
  bash scripts/install-deps.sh
}

step "node" check_node
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "[setup] TEST_DATABASE_URL is set: using that PostgreSQL, nothing installed or started for it"
  step "postgres server" bash scripts/setup/ensure-postgres.sh start
else
  step "postgres packages" bash scripts/setup/ensure-postgres.sh install
  step "pgvector" bash scripts/setup/ensure-pgvector.sh
  step "postgres server" bash scripts/setup/ensure-postgres.sh start
fi
step "redis" bash scripts/setup/ensure-redis.sh
step "chromium" bash scripts/setup/ensure-chromium.sh
step "deploy tools" bash scripts/setup/ensure-deploy-tools.sh
step "npm dependencies" ensure_deps
