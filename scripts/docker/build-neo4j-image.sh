#!/usr/bin/env bash
# Makes a Neo4j 5.26 Community image with APOC present in the Docker engine and prints its
# name. In order, the cheapest first:
#   1. the image is already in the engine;
#   2. it was saved to the cache by an earlier build (docker load);
#   3. the official image can be pulled from a registry (tagged with our name);
#   4. it is built here: a Debian bookworm root (debootstrap, with Java 17) plus the Neo4j and
#      APOC jars `heistgraph db fetch` brings from Maven Central, imported with docker import.
# The name carries a hash of this script, the entry point and the versions, so a change to
# any of them builds a new image instead of reusing a stale one.
# Environment: DOCKER_HOST (the engine), HEISTGRAPH_CACHE_DIR (default ~/.cache/heistgraph;
# the saved image goes there too unless HEISTGRAPH_IMAGE_CACHE_DIR says elsewhere),
# DEBIAN_MIRROR (default: the first deb.debian.org-style URI apt uses here),
# HEISTGRAPH_NEO4J_PULL=0 to skip the registry.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
log() { echo "[neo4j-image] $*" >&2; }

version=$(sed -n 's/^export const NEO4J_VERSION = "\(.*\)";/\1/p' "$root/src/db/local-neo4j/versions.ts")
key=$(cat "$here/build-neo4j-image.sh" "$here/neo4j-entrypoint.sh" "$root/src/db/local-neo4j/versions.ts" |
  sha256sum | cut -c1-12)
image="heistgraph/neo4j:$version-$key"
cache="${HEISTGRAPH_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/heistgraph}"
image_cache="${HEISTGRAPH_IMAGE_CACHE_DIR:-$cache}"
saved="$image_cache/neo4j-image-$version-$key.tar"

if docker image inspect "$image" >/dev/null 2>&1; then
  log "$image is already in the engine"
  echo "$image"
  exit 0
fi

if [ -f "$saved" ]; then
  log "loading $image from $saved"
  docker load -i "$saved" >/dev/null
  echo "$image"
  exit 0
fi

if [ "${HEISTGRAPH_NEO4J_PULL:-1}" != 0 ] &&
  timeout 300 docker pull -q "neo4j:$version-community" >/dev/null 2>&1; then
  log "pulled neo4j:$version-community"
  docker tag "neo4j:$version-community" "$image"
  echo "$image"
  exit 0
fi

log "no image to pull: building $image from Debian packages and the Maven Central jars"
jars="$cache/neo4j-$version"
if [ ! -f "$jars/complete" ]; then
  (cd "$root" && npx heistgraph db fetch) >&2
fi

mirror="${DEBIAN_MIRROR:-}"
if [ -z "$mirror" ]; then
  mirror=$(grep -hoE '^(URIs:|deb) +[^ ]+' /etc/apt/sources.list /etc/apt/sources.list.d/* 2>/dev/null |
    awk '{print $2}' | grep -v -- '-security' | head -1 || true)
fi
mirror="${mirror:-http://deb.debian.org/debian}"

work=$(mktemp -d "${TMPDIR:-/tmp}/heistgraph-neo4j-image.XXXXXX")
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"
started=$SECONDS
log "debootstrap bookworm from $mirror (about 2 minutes)"
debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$rootfs" "$mirror" \
  >"$work/debootstrap.log" 2>&1 || {
  tail -20 "$work/debootstrap.log" >&2
  exit 1
}
log "debootstrap done in $((SECONDS - started)) s"

# Trim what a server never reads.
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
  "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/locale/*

home="$rootfs/var/lib/neo4j"
mkdir -p "$home/lib" "$home/labs" "$home/conf" "$rootfs/data" "$rootfs/logs" "$rootfs/plugins"
cp "$jars"/lib/*.jar "$home/lib/"
cp "$jars"/plugins/*.jar "$home/labs/"
install -m 0755 "$here/neo4j-entrypoint.sh" "$rootfs/docker-entrypoint.sh"
echo "neo4j:x:7474:7474:Neo4j:/var/lib/neo4j:/bin/bash" >>"$rootfs/etc/passwd"
echo "neo4j:x:7474:" >>"$rootfs/etc/group"
chown -R 7474:7474 "$home/conf" "$rootfs/data" "$rootfs/logs" "$rootfs/plugins"

tar -C "$rootfs" -c . | docker import \
  --change 'ENTRYPOINT ["/docker-entrypoint.sh"]' \
  --change 'ENV NEO4J_HOME=/var/lib/neo4j PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'EXPOSE 7474 7687' \
  --change 'VOLUME /data /logs' \
  --change 'WORKDIR /var/lib/neo4j' \
  --message "Neo4j $version Community + APOC core, built by heistgraph" \
  - "$image" >/dev/null
log "built $image in $((SECONDS - started)) s"

# Keep it for the next run on this machine (the engine's own store may not survive).
mkdir -p "$image_cache"
rm -f "$image_cache"/neo4j-image-*.tar
docker save -o "$saved.partial" "$image" && mv "$saved.partial" "$saved"
log "saved to $saved"
echo "$image"
