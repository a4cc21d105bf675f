#!/usr/bin/env bash
# Makes a Redis server reachable for the tests. Tries, in order:
#   1. TEST_REDIS_URL, when set (must answer PING; nothing is started for it);
#   2. a server already answering on 127.0.0.1:6379;
#   3. the set-up's own redis-server (installed with apt when missing), recorded under $MNEMO_SETUP_STATE
#      and reused on the next run: on 6379 when that port is free, otherwise on a free port
#      from 6380 up, handed back as TEST_REDIS_URL. It keeps nothing on disk. When this run
#      started it, it is recorded (record_started) so `npm test` stops it at the end.
set -euo pipefail
CI_TAG=redis
source "$(dirname "$0")/lib.sh"

# The port developers' machines use; only changed to exercise the fallbacks in a test of this script.
PORT0=${MNEMO_SETUP_REDIS_DEFAULT_PORT:-6379}

# PING over plain bash TCP: works before redis-tools is installed.
redis_ping() {
  local host=$1 port=$2
  timeout 3 bash -c "exec 3<>/dev/tcp/$host/$port && printf 'PING\r\n' >&3 && IFS= read -r line <&3 && [[ \$line == +PONG* ]]" 2>/dev/null
}

if [ -n "${TEST_REDIS_URL:-}" ]; then
  hostport=${TEST_REDIS_URL#*://}; hostport=${hostport#*@}; hostport=${hostport%%/*}
  host=${hostport%:*}; port=${hostport##*:}; [ "$port" = "$hostport" ] && port=6379
  redis_ping "$host" "$port" || ci_die "TEST_REDIS_URL=$TEST_REDIS_URL is set but does not answer PING"
  ci_log "using TEST_REDIS_URL ($host:$port)"
  exit 0
fi

if redis_ping 127.0.0.1 "$PORT0"; then
  ci_log "reusing the server on 127.0.0.1:$PORT0"
  if [ "$PORT0" != 6379 ]; then ci_export TEST_REDIS_URL "redis://127.0.0.1:$PORT0/1"; fi
  exit 0
fi

dir="$MNEMO_SETUP_STATE/redis"
mkdir -p "$dir"
if [ -f "$dir/port" ] && [ -f "$dir/redis.pid" ] && kill -0 "$(cat "$dir/redis.pid")" 2>/dev/null \
  && redis_ping 127.0.0.1 "$(cat "$dir/port")"; then
  port=$(cat "$dir/port")
  ci_log "reusing the set-up's own redis-server on 127.0.0.1:$port"
else
  if ! command -v redis-server >/dev/null; then
    apt_install redis-server
    # Debian's post-install may have started the packaged service on 6379.
    sleep 1
    if redis_ping 127.0.0.1 6379; then ci_log "the installed redis-server is running on 127.0.0.1:6379"; exit 0; fi
  fi
  if port_open 127.0.0.1 "$PORT0"; then
    port=$(free_port 6380 6399) || ci_die "no free port in 6380-6399"
  else
    port=$PORT0
  fi
  ci_log "starting redis-server on 127.0.0.1:$port (log: $dir/redis.log)"
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --dir "$dir" \
    || ci_die "redis-server did not start"
  echo "$port" >"$dir/port"
  for _ in $(seq 1 50); do redis_ping 127.0.0.1 "$port" && break; sleep 0.2; done
  redis_ping 127.0.0.1 "$port" || { tail -20 "$dir/redis.log" >&2; ci_die "redis-server on port $port does not answer PING"; }
  record_started pid "$(cat "$dir/redis.pid")"
fi

if [ "$port" != 6379 ]; then
  ci_export TEST_REDIS_URL "redis://127.0.0.1:$port/1"
  ci_log "TEST_REDIS_URL=redis://127.0.0.1:$port/1"
fi
