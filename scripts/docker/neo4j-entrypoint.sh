#!/bin/bash
# Entry point of the Neo4j image scripts/docker/build-neo4j-image.sh builds (used where no
# registry serves neo4j:5.26-community). It reads the settings the official image reads:
#   NEO4J_AUTH      neo4j/<password> (set once, on a fresh /data) or none
#   NEO4J_PLUGINS   JSON list; "apoc" puts APOC core on the classpath and in /plugins
#   NEO4J_<name>    any setting: _ -> ., __ -> _ (NEO4J_server_memory_heap_max__size=1G)
# and runs Neo4j in the foreground with --console-mode, logging to stdout.
set -euo pipefail

NEO4J_HOME=/var/lib/neo4j
NEO4J_UID=7474

# Started as root: make mounted volumes ours, then give up root for good.
if [ "$(id -u)" = 0 ]; then
  mkdir -p /data /logs /plugins
  chown -R "$NEO4J_UID:$NEO4J_UID" /data /logs /plugins "$NEO4J_HOME/conf"
  exec setpriv --reuid="$NEO4J_UID" --regid="$NEO4J_UID" --clear-groups "$0" "$@"
fi

declare -A settings=(
  [server.default_listen_address]=0.0.0.0
  [server.directories.data]=/data
  [server.directories.logs]=/logs
  [server.directories.plugins]=/plugins
  [dbms.usage_report.enabled]=false
)

# Setting names the official image still accepts from Neo4j 4 and renames for Neo4j 5.
renamed_setting() {
  case "$1" in
    dbms.memory.heap.* | dbms.memory.pagecache.*) echo "server.${1#dbms.}" ;;
    dbms.security.procedures.whitelist) echo dbms.security.procedures.allowlist ;;
    *) echo "$1" ;;
  esac
}

for variable in $(compgen -e); do
  case "$variable" in
    NEO4J_AUTH | NEO4J_PLUGINS | NEO4J_HOME | NEO4J_CONF | NEO4J_EDITION | NEO4J_DEBUG | NEO4J_ACCEPT_LICENSE_AGREEMENT) continue ;;
    NEO4J_*) ;;
    *) continue ;;
  esac
  name=${variable#NEO4J_}
  name=${name//__/@@}
  name=${name//_/.}
  name=${name//@@/_}
  settings[$(renamed_setting "$name")]=${!variable}
done

auth=${NEO4J_AUTH:-}
if [ "$auth" = none ]; then
  settings[dbms.security.auth_enabled]=false
fi

classpath="$NEO4J_HOME/lib/*"
if [[ "${NEO4J_PLUGINS:-}" == *'"apoc"'* ]]; then
  cp "$NEO4J_HOME"/labs/apoc-*.jar /plugins/
  # APOC registers its functions through the classpath as well as from the plugins folder.
  classpath="/plugins/*:$classpath"
fi
if [ -n "${NEO4J_PLUGINS:-}" ] && [ "${NEO4J_PLUGINS//[[:space:]]/}" != '["apoc"]' ]; then
  echo "warning: this image bundles APOC core only; NEO4J_PLUGINS=${NEO4J_PLUGINS} asks for more" >&2
fi

conf="$NEO4J_HOME/conf/neo4j.conf"
: >"$conf"
for name in "${!settings[@]}"; do
  printf '%s=%s\n' "$name" "${settings[$name]}" >>"$conf"
done

java_size() {
  # Neo4j sizes (1G, 512m, 2GiB) as the JVM spells them (1G, 512m, 2G).
  local size=${1%iB}
  echo "${size%B}"
}
heap=()
[ -n "${settings[server.memory.heap.initial_size]:-}" ] &&
  heap+=("-Xms$(java_size "${settings[server.memory.heap.initial_size]}")")
[ -n "${settings[server.memory.heap.max_size]:-}" ] &&
  heap+=("-Xmx$(java_size "${settings[server.memory.heap.max_size]}")")

if [[ "$auth" == neo4j/* ]] && [ ! -e /data/dbms/auth.ini ]; then
  NEO4J_HOME=$NEO4J_HOME NEO4J_CONF=$NEO4J_HOME/conf java -cp "$classpath" \
    org.neo4j.cli.AdminTool dbms set-initial-password "${auth#neo4j/}"
elif [ -n "$auth" ] && [ "$auth" != none ] && [[ "$auth" != neo4j/* ]]; then
  echo "error: NEO4J_AUTH must be neo4j/<password> or none, not '${auth%%/*}/...'" >&2
  exit 1
fi

# Neo4j reaches into JDK internals; its own launcher passes these flags on Java 17+.
opens=()
for package in java.base/java.lang java.base/java.lang.invoke java.base/java.io \
  java.base/java.net java.base/java.nio java.base/java.util java.base/java.util.concurrent \
  java.base/java.util.concurrent.atomic java.base/sun.nio.ch java.base/jdk.internal.misc \
  java.base/jdk.internal.ref; do
  opens+=("--add-opens=$package=ALL-UNNAMED")
done
for package in java.base/sun.nio.ch java.base/jdk.internal.misc java.base/jdk.internal.ref; do
  opens+=("--add-exports=$package=ALL-UNNAMED")
done

exec java "${opens[@]}" "${heap[@]}" -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow \
  -Dfile.encoding=UTF-8 -cp "$classpath" org.neo4j.server.CommunityEntryPoint \
  --home-dir="$NEO4J_HOME" --config-dir="$NEO4J_HOME/conf" --console-mode "$@"
