#!/usr/bin/env bash
# Installs the npm dependencies exactly as package-lock.json pins them. The one install path of
# .ci/run, `npm test` on a fresh checkout, and the Dockerfile's deps stage.
#
# 1. scripts/check-lock.mjs guards against real drift: package.json and the lock disagree for
#    this platform (a dependency added, removed or re-ranged without the lock, or a package this
#    platform installs missing from it). Drift fails here, before anything is installed.
#    Other platforms' optional native packages missing from the lock are NOT drift: whether the
#    npm registry serves @next/swc-darwin-*, @tailwindcss/oxide-win32-* … has changed from day
#    to day, and the install must not depend on it (see the check's header).
# 2. `npm ci`. The committed lock lists every platform's optional packages, so npm ci accepts it
#    whatever the registry serves today, and installs only this platform's.
# 3. Only if npm ci still refuses the lock (an older lock written on a day the registry lacked
#    some platforms' packages) after the drift check passed: `npm install` on the same lock,
#    which installs the same locked versions. The lock file is then put back byte for byte, so
#    neither this script nor CI ever leaves the checkout modified.
set -euo pipefail
cd "$(dirname "$0")/.."
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

node scripts/check-lock.mjs .

log=$(mktemp)
saved_lock=$(mktemp)
trap 'rm -f "$log" "$saved_lock"' EXIT
cp package-lock.json "$saved_lock"

if npm ci --loglevel=error >"$log" 2>&1; then
  cat "$log"
else
  if ! grep -q "can only install packages when your package.json and package-lock.json" "$log"; then
    cat "$log" >&2; exit 1
  fi
  grep -E '^npm error (Missing|Invalid):' "$log" | head -5 | sed 's/^/[install-deps] npm ci: /' || true
  echo "[install-deps] npm ci wants other platforms' optional packages listed in the lock; the drift check passed, so installing the same locked tree with npm install"
  rm -rf node_modules
  npm install --loglevel=error
  if ! cmp -s package-lock.json "$saved_lock"; then
    cp "$saved_lock" package-lock.json
    echo "[install-deps] npm install would have added other platforms' entries to package-lock.json; the committed lock was kept (run npm install and commit the lock to complete it)"
  fi
fi
echo "[install-deps] node_modules installed from package-lock.json"
