# Shared helpers for the scripts/setup/ensure-*.sh scripts. Source it; do not run it.
# Everything here is plain bash: on a fresh machine there may be no psql or redis-cli yet.

# Where CI keeps what it starts itself (throwaway clusters, pid files, logs). Outside the
# checkout so a second run from a fresh clone finds and reuses them.
MNEMO_CI_STATE=${MNEMO_CI_STATE:-/var/tmp/mnemo-ci}
export DEBIAN_FRONTEND=noninteractive

ci_log() { printf '[%s] %s\n' "${CI_TAG:-ci}" "$*"; }
ci_die() { printf '[%s] ERROR: %s\n' "${CI_TAG:-ci}" "$*" >&2; exit 1; }

# Appends KEY=VALUE to the file .ci/run sources after each step (how a step hands back
# TEST_DATABASE_URL / TEST_REDIS_URL when it had to use a non-default port).
ci_export() {
  export "$1=$2"
  if [ -n "${MNEMO_CI_ENV_FILE:-}" ]; then printf 'export %s=%q\n' "$1" "$2" >>"$MNEMO_CI_ENV_FILE"; fi
}

# True when something accepts TCP connections on host:port.
port_open() { timeout 3 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }

# First port in [from, to] that nothing listens on.
free_port() {
  local p
  for ((p = $1; p <= $2; p++)); do port_open 127.0.0.1 "$p" || { echo "$p"; return 0; }; done
  return 1
}

# apt-get update once per CI run (a marker keyed by the run id), then install.
apt_install() {
  local marker="$MNEMO_CI_STATE/apt-updated.${MNEMO_CI_RUN_ID:-$$}"
  mkdir -p "$MNEMO_CI_STATE"
  if [ ! -f "$marker" ]; then
    ci_log "apt-get update"
    apt-get update -qq || ci_die "apt-get update failed"
    rm -f "$MNEMO_CI_STATE"/apt-updated.* && touch "$marker"
  fi
  ci_log "apt-get install $*"
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null || ci_die "apt-get install $* failed"
}
