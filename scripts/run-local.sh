#!/usr/bin/env bash
# Builds whatever is needed and starts the whole Calliyo stack on this machine: a Kafka broker (KRaft, own JVM),
# a MongoDB-wire server and the five services, until Ctrl-C. Needs only a JDK 17+; the Maven wrapper fetches Maven.
#
#   scripts/run-local.sh [--in-memory] [--data-dir=DIR] [--port-offset=N] [--help]
#
# SKIP_BUILD=1 skips the build; MAVEN_ARGS (read by Maven itself, e.g. MAVEN_ARGS=-o) adds Maven options;
# LOCAL_STACK_JAVA_OPTS replaces the launcher JVM's options; LOCAL_STACK_SERVICE_JAVA_OPTS adds to the services';
# LOCAL_STACK_CDS=off starts the services without class data sharing (local-stack/README.md, "Class data sharing").
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if ! command -v "$JAVA" >/dev/null 2>&1; then
  echo "run-local: no java found; install a JDK 17 or newer (or set JAVA_HOME)" >&2
  exit 1
fi
java_version=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
if [[ "${java_version%%.*}" -lt 17 ]]; then
  echo "run-local: $JAVA is Java $java_version; the suite needs Java 17 or newer" >&2
  exit 1
fi

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  echo "[run-local] Building: ./mvnw -B -q -DskipTests package"
  started=$SECONDS
  ./mvnw -B -q -DskipTests package
  echo "[run-local] Built in $((SECONDS - started)) s"
fi

# The launcher JVM also hosts the MongoDB-wire server and its page cache (calliyo.mongo.cache-mb, 128 MB, filled
# only as data is read), so its heap may grow larger than a service's.
# shellcheck disable=SC2086
exec "$JAVA" ${LOCAL_STACK_JAVA_OPTS:--Xms32m -Xmx1g -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k} \
  -jar local-stack/target/local-stack.jar "$@"
