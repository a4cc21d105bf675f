#!/usr/bin/env bash
# Builds pgvector for the local PostgreSQL 15 from Debian's trixie *source* package,
# because bookworm ships no pgvector binary package. Idempotent: exits at once when installed.
set -euo pipefail
PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
if [ -f "$($PG_CONFIG --sharedir)/extension/vector.control" ]; then
  echo "[pgvector] present"; exit 0
fi
CI_TAG=pgvector
source "$(dirname "$0")/lib.sh"
need_install "pgvector (the PostgreSQL extension)"
SRC_LIST=/etc/apt/sources.list.d/mnemo-trixie-src.sources
cleanup() { rm -f "$SRC_LIST"; }
trap cleanup EXIT
cat > "$SRC_LIST" <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
echo "[pgvector] building pgvector from Debian trixie's source package (about 30 s)"
apt-get update -qq
apt-get install -y -qq postgresql-server-dev-15 build-essential dpkg-dev >/dev/null
WORK=$(mktemp -d)
( cd "$WORK" && apt-get source -qq pgvector >/dev/null 2>&1 || apt-get source pgvector )
DIR=$(find "$WORK" -maxdepth 1 -type d -name 'pgvector-*' | head -1)
make -C "$DIR" PG_CONFIG="$PG_CONFIG" -j2 >/dev/null
make -C "$DIR" PG_CONFIG="$PG_CONFIG" install >/dev/null
rm -rf "$WORK"
cleanup
apt-get update -qq || true
echo "[pgvector] installed $(grep default_version "$($PG_CONFIG --sharedir)/extension/vector.control")"
