#!/usr/bin/env bash
# List latency in a crowded store (issue 15), before and after the embedded store's secondary indexes: starts the
# local stack on the default H2 store in a fresh data directory with the indexes off, bulk-loads LEADS leads (default
# 100000) in one company plus as many in another and a fifth as many customers in each (ListLatencyBenchmark,
# insertMany in the services' document shape), times the lists through the gateway, restarts the stack on the same
# data with the indexes on (the launcher prints how long their rebuild made the store's opening) and times them
# again. Prints the figures with the start times, the launcher's resident memory and the load average; reported,
# never asserted. Takes 15-30 minutes on 2 shared cores, most of it the load.
#
#   scripts/bench-lists.sh   (SKIP_BUILD=1 skips the package build; BENCH_PORT_OFFSET default 5000; LEADS per
#                             company, default 100000; BENCH_TIMES requests per list, default 5)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
offset=${BENCH_PORT_OFFSET:-5000}
leads=${LEADS:-100000}
GW=http://127.0.0.1:$((8080 + offset)); MONGO=mongodb://127.0.0.1:$((27017 + offset))
work=$(mktemp -d); launcher=
stop_stack() {
  if [[ -n $launcher ]]; then kill -TERM -- "-$launcher" 2>/dev/null || true; wait "$launcher" 2>/dev/null || true; fi
  launcher=
}
trap 'stop_stack; rm -rf "$work"' EXIT
say() { echo "[bench-lists] $*" >&2; }
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  say "building: ./mvnw -B -q -DskipTests package"
  ./mvnw -B -q -DskipTests package
fi
launcher_opts="-Xms32m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k"
start_stack() { # $1 true|false: secondary indexes
  local log=$work/stack-$1.log started
  started=$(date +%s.%N)
  CALLIYO_RATE_LIMIT_ENABLED=false SKIP_BUILD=1 \
    LOCAL_STACK_JAVA_OPTS="$launcher_opts -Dcalliyo.mongo.secondary-indexes=$1" \
    setsid scripts/run-local.sh "--data-dir=$work/data" "--port-offset=$offset" >"$log" 2>&1 &
  launcher=$!
  until grep -q "Calliyo is up" "$log"; do
    kill -0 "$launcher" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.5
  done
  printf 'start, secondary indexes %s: %.1f s (load %s); %s\n' "$1" \
    "$(awk -v a="$(date +%s.%N)" -v b="$started" 'BEGIN {print a - b}')" "$(cut -d' ' -f1 /proc/loadavg)" \
    "$(grep -o 'MongoDB-wire store opened in .*' "$log")"
}
launcher_rss() {
  local pid
  pid=$(ss -ltnpH "sport = :$((27017 + offset))" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
  printf 'launcher RSS, secondary indexes %s: %s MiB\n' "$1" "$(ps -o rss= -p "$pid" | awk '{printf "%.0f", $1 / 1024}')"
}
bench() { # then -D options
  ./mvnw -B -o -q -pl system-tests -am test -Dtest=ListLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    "-Dbench.gateway=$GW" "-Dbench.mongo=$MONGO" "-Dbench.leads=$leads" "-Dbench.times=${BENCH_TIMES:-5}" "-Dbench.report=$work/report.txt" "$@" \
    >"$work/bench.log" 2>&1 || { tail -60 "$work/bench.log" >&2; exit 1; }
}
say "indexes off: start, load, measure"
start_stack false
bench -Dbench.label=before
launcher_rss false
stop_stack
say "indexes on: start on the same data (rebuild), measure"
start_stack true
sleep 5; launcher_rss true
bench -Dbench.load=false -Dbench.label=after
launcher_rss true
stop_stack
cat "$work/report.txt"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
