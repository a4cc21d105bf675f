#!/usr/bin/env bash
# Playwright cannot download its own browser here; Debian's Chromium is used instead.
set -euo pipefail
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then echo "[chromium] present (${CHROMIUM_PATH:-/usr/bin/chromium})"; exit 0; fi
CI_TAG=chromium
source "$(dirname "$0")/lib.sh"
need_install "Chromium (/usr/bin/chromium, for the browser tests)"
echo "[chromium] installing Debian's chromium package"
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
echo "[chromium] installed: $(/usr/bin/chromium --version 2>/dev/null || true)"
