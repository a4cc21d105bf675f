#!/usr/bin/env bash
# Installs the npm dependencies exactly as package-lock.json pins them. Used by .ci/run and the
# Dockerfile's deps stage.
#
# `npm ci` first. Where the registry serves only this platform's optional native packages
# (@next/swc-darwin-*, @tailwindcss/oxide-win32-* … answer 404, as on our offline build machines),
# the lock cannot list them, npm ci's validation reports them "Missing" and refuses; `npm install`
# then installs the same locked tree. Inside a git checkout the lock file must come out unchanged.
set -euo pipefail
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if npm ci --no-audit --no-fund --loglevel=error >"$log" 2>&1; then cat "$log"; exit 0; fi
if ! grep -q "can only install packages when your package.json and package-lock.json" "$log"; then
  cat "$log" >&2; exit 1
fi
grep -E '^npm error (Missing|Invalid):' "$log" | head -5 | sed 's/^/[install-deps] npm ci: /' || true
echo "[install-deps] npm ci refused the lock (other platforms' optional packages are not in it); running npm install on the same lock"
rm -rf node_modules
npm install --no-audit --no-fund --loglevel=error
if command -v git >/dev/null && [ -d .git ] && ! git diff --quiet -- package-lock.json; then
  echo "[install-deps] package-lock.json is out of date with package.json: run npm install and commit the lock" >&2
  git --no-pager diff --stat -- package-lock.json >&2
  exit 1
fi
