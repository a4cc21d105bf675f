#!/usr/bin/env bash
# Stops the servers that scripts/setup/ensure-test-env.sh started in this run, and only those:
# each line of the file it is given is "pid PID", "pg_ctl DATADIR" or "pg_ctlcluster VERSION NAME".
# Their data directories stay (the next run reuses them: initdb is the slow part).
set -uo pipefail
file=${1:?usage: stop-started.sh FILE}
[ -s "$file" ] || exit 0
PG_BIN=/usr/lib/postgresql/15/bin
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
while read -r kind arg rest; do
  case "$kind" in
    pid)
      if kill -0 "$arg" 2>/dev/null; then
        echo "[setup] stopping the server with pid $arg that this run started"
        kill "$arg" && for _ in $(seq 1 50); do kill -0 "$arg" 2>/dev/null || break; sleep 0.1; done
      fi ;;
    pg_ctl)
      echo "[setup] stopping the PostgreSQL cluster in $arg that this run started"
      as_pg "$PG_BIN/pg_ctl" -D "$arg" -m fast -w stop >/dev/null 2>&1 || true ;;
    pg_ctlcluster)
      echo "[setup] stopping PostgreSQL cluster $arg $rest that this run started"
      pg_ctlcluster --skip-systemctl-redirect "$arg" "$rest" stop >/dev/null 2>&1 || true ;;
  esac
done <"$file"
