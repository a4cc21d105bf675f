#!/usr/bin/env bash
# Makes a PostgreSQL 15 server with pgvector reachable over TCP with trust auth for the tests.
#
#   ensure-postgres.sh install   install the postgresql-15 packages when missing (before pgvector is built)
#   ensure-postgres.sh start     pick a server, starting one if needed, and check it has pgvector
#
# "start" tries, in order, and takes the first that works:
#   1. TEST_DATABASE_URL, when set (must answer; nothing is started for it);
#   2. a server already answering on 127.0.0.1:5432 as user postgres without a password;
#   3. the Debian cluster 15/main on port 5432, started with pg_ctlcluster when it is stopped;
#   4. a throwaway trust-auth cluster of the set-up's own under $MNEMO_SETUP_STATE/pg15, on a free port
#      from 5433 up (reused, and restarted when stopped, on the next run).
# Whenever the result is not the default URL it is handed back as TEST_DATABASE_URL. A server this
# run started (3 or 4) is recorded with record_started, so `npm test` stops it again at the end.
# As root the throwaway cluster runs as the postgres user (PostgreSQL refuses root); as anyone
# else it runs as that user.
set -euo pipefail
CI_TAG=postgres
source "$(dirname "$0")/lib.sh"

PG_BIN=/usr/lib/postgresql/15/bin
# The port developers' machines use; only changed to exercise the fallbacks in a test of this script.
PG_PORT=${MNEMO_SETUP_PG_DEFAULT_PORT:-5432}
PG_CLUSTER=${MNEMO_SETUP_PG_CLUSTER:-main}
DEFAULT_URL=postgresql://postgres@127.0.0.1:$PG_PORT/mnemo_test

# Runs SQL against the server that URL names, but on its "postgres" database (mnemo_test may not exist yet).
pg_query() {
  local url=$1 sql=$2
  local admin_url="${url%/*}/postgres"
  PGCONNECT_TIMEOUT=5 psql -w -X -q -A -t -d "$admin_url" -c "$sql" 2>/dev/null
}

# A usable server: answers without a password, is PostgreSQL 15 or later, and can create the vector extension.
usable() {
  local url=$1 row
  row=$(pg_query "$url" "select current_setting('server_version_num')::int >= 150000, exists (select 1 from pg_available_extensions where name = 'vector')") || return 1
  case "$row" in
    "t|t") return 0 ;;
    "t|f") ci_log "server at ${url%/*} has no pgvector available"; return 1 ;;
    *) ci_log "server at ${url%/*} is older than PostgreSQL 15"; return 1 ;;
  esac
}

# Runs a PostgreSQL server binary as the user that owns the throwaway cluster.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

do_install() {
  if [ -x "$PG_BIN/postgres" ] && command -v psql >/dev/null; then
    ci_log "postgresql-15 present ($("$PG_BIN/postgres" --version))"
    return
  fi
  # The package's own post-install may create and start cluster 15/main; "start" copes either way.
  apt_install postgresql-15 postgresql-client-15
  ci_log "installed $("$PG_BIN/postgres" --version)"
}

start_throwaway() {
  local dir="$MNEMO_SETUP_STATE/pg15" port
  local data="$dir/data" log="$dir/server.log" sock="$dir/run"
  mkdir -p "$dir" "$sock"
  if [ "$(id -u)" = 0 ]; then
    # The server runs as postgres, which must be able to reach its data, socket and log.
    chmod 755 "$MNEMO_SETUP_STATE"
    chown postgres:postgres "$dir" "$sock"
  fi
  if [ -f "$data/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    port=$(sed -n 4p "$data/postmaster.pid")
    ci_log "reusing the set-up's own cluster in $data on port $port"
  else
    if [ ! -f "$data/PG_VERSION" ]; then
      ci_log "initdb a throwaway trust-auth cluster in $data"
      as_pg "$PG_BIN/initdb" -D "$data" --auth=trust -U postgres -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; ci_die "initdb failed"; }
    fi
    port=$(free_port 5433 5499) || ci_die "no free port in 5433-5499 for a throwaway cluster"
    ci_log "starting a throwaway cluster on 127.0.0.1:$port (log: $log)"
    # Durability is pointless for a test database; turning it off makes migrations and tests faster.
    as_pg "$PG_BIN/pg_ctl" -D "$data" -l "$log" -w -t 60 \
      -o "-p $port -c listen_addresses=127.0.0.1 -k $sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null || { tail -20 "$log" >&2; ci_die "could not start the throwaway cluster"; }
    record_started pg_ctl "$data"
  fi
  URL="postgresql://postgres@127.0.0.1:$port/mnemo_test"
}

# The server on the usual port is fine; its URL only needs handing back when the port is not 5432.
use_default() {
  ci_log "$1"
  if [ "$PG_PORT" != 5432 ]; then ci_export TEST_DATABASE_URL "$DEFAULT_URL"; fi
}

do_start() {
  command -v psql >/dev/null || ci_die "psql is missing: run '$0 install' first (as root)"

  if [ -n "${TEST_DATABASE_URL:-}" ]; then
    usable "$TEST_DATABASE_URL" || ci_die "TEST_DATABASE_URL=$TEST_DATABASE_URL is set but not usable (reachable, no password, PostgreSQL >= 15 with pgvector)"
    ci_log "using TEST_DATABASE_URL (${TEST_DATABASE_URL%/*})"
    return
  fi

  if port_open 127.0.0.1 "$PG_PORT"; then
    if usable "$DEFAULT_URL"; then use_default "reusing the server on 127.0.0.1:$PG_PORT"; return; fi
    ci_log "the server on 127.0.0.1:$PG_PORT is not usable without a password or lacks pgvector; leaving it alone"
  elif [ -f "/etc/postgresql/15/$PG_CLUSTER/postgresql.conf" ] && command -v pg_ctlcluster >/dev/null \
    && grep -Eq "^\s*port\s*=\s*$PG_PORT\b" "/etc/postgresql/15/$PG_CLUSTER/postgresql.conf"; then
    ci_log "starting the Debian cluster 15/$PG_CLUSTER"
    if pg_ctlcluster --skip-systemctl-redirect 15 "$PG_CLUSTER" start; then
      record_started pg_ctlcluster "15 $PG_CLUSTER"
      for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break; sleep 1; done
      if usable "$DEFAULT_URL"; then use_default "using cluster 15/$PG_CLUSTER on 127.0.0.1:$PG_PORT"; return; fi
      # A stock cluster asks for passwords over TCP; CI does not rewrite its pg_hba.conf.
      ci_log "cluster 15/$PG_CLUSTER does not trust local TCP connections (or lacks pgvector): stopping it again, using a throwaway cluster instead"
      pg_ctlcluster --skip-systemctl-redirect 15 "$PG_CLUSTER" stop || true
    else
      ci_log "pg_ctlcluster failed; using a throwaway cluster instead"
    fi
  fi

  start_throwaway
  usable "$URL" || ci_die "the throwaway cluster at ${URL%/*} is not usable (is pgvector built? see ensure-pgvector.sh)"
  ci_export TEST_DATABASE_URL "$URL"
  ci_log "TEST_DATABASE_URL=$URL"
}

case "${1:-}" in
  install) do_install ;;
  start) do_start ;;
  *) echo "usage: $0 install|start" >&2; exit 2 ;;
esac
