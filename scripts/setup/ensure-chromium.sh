#!/usr/bin/env bash
# Playwright cannot download its own browser here; Debian's Chromium is used instead.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then echo "[chromium] present"; exit 0; fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
echo "[chromium] installed: $(/usr/bin/chromium --version 2>/dev/null || true)"
