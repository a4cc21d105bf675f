# Shared helpers for the scripts/setup/ensure-*.sh scripts. Source it; do not run it.
# Everything here is plain bash: on a fresh machine there may be no psql or redis-cli yet.

# Where the set-up keeps what it starts itself (throwaway clusters, pid files, logs). Outside the
# checkout so a second run from a fresh clone finds and reuses the data directories.
MNEMO_SETUP_STATE=${MNEMO_SETUP_STATE:-/var/tmp/mnemo-setup}
export DEBIAN_FRONTEND=noninteractive

ci_log() { printf '[%s] %s\n' "${CI_TAG:-setup}" "$*"; }
ci_die() { printf '[%s] ERROR: %s\n' "${CI_TAG:-setup}" "$*" >&2; exit 1; }

# Appends KEY=VALUE to the file the caller sources after each step (how a step hands back
# TEST_DATABASE_URL / TEST_REDIS_URL when it had to use a non-default port).
ci_export() {
  export "$1=$2"
  if [ -n "${MNEMO_SETUP_ENV_FILE:-}" ]; then printf 'export %s=%q\n' "$1" "$2" >>"$MNEMO_SETUP_ENV_FILE"; fi
}

# Records a server this run started, as one line "KIND ARG", so scripts/setup/stop-started.sh
# can stop exactly that server (by its pid or data directory) when the tests end.
record_started() {
  if [ -n "${MNEMO_SETUP_STARTED:-}" ]; then printf '%s %s\n' "$1" "$2" >>"$MNEMO_SETUP_STARTED"; fi
}

# Packages are installed only by root, with Debian's apt, and not when MNEMO_NO_INSTALL=1.
can_install() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null && [ "${MNEMO_NO_INSTALL:-0}" != 1 ]; }
need_install() {
  can_install && return 0
  ci_die "$1 is missing and this run may not install packages ($(if [ "$(id -u)" != 0 ]; then echo "not root"; elif ! command -v apt-get >/dev/null; then echo "no apt-get"; else echo "MNEMO_NO_INSTALL=1"; fi)). Install it, or run: sudo bash scripts/setup/ensure-test-env.sh"
}

# True when something accepts TCP connections on host:port.
port_open() { timeout 3 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }

# First port in [from, to] that nothing listens on.
free_port() {
  local p
  for ((p = $1; p <= $2; p++)); do port_open 127.0.0.1 "$p" || { echo "$p"; return 0; }; done
  return 1
}

# apt-get update once per run (a marker keyed by the run id), then install.
apt_install() {
  need_install "$*"
  local marker="$MNEMO_SETUP_STATE/apt-updated.${MNEMO_SETUP_RUN_ID:-$$}"
  mkdir -p "$MNEMO_SETUP_STATE"
  if [ ! -f "$marker" ]; then
    ci_log "apt-get update"
    apt-get update -qq || ci_die "apt-get update failed"
    rm -f "$MNEMO_SETUP_STATE"/apt-updated.* && touch "$marker"
  fi
  ci_log "apt-get install $*"
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null || ci_die "apt-get install $* failed"
}
