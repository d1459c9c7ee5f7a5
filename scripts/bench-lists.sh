#!/usr/bin/env bash
# List latency in a crowded store (issue 15), before and after the H2 store's ordered indexes: starts the local stack
# on the default H2 store in a fresh data directory with the ordered indexes off and a large page cache, bulk-loads
# LEADS leads (default 100000) in one company plus as many in another and a fifth as many customers in each
# (ListLatencyBenchmark, insertMany in the services' document shape), restarts it with the launcher's usual flags and
# the ordered indexes on (after; they are built in the background after the start: one request per list right after
# the start, then the lists timed once the builds are done), times the lists through the gateway, restarts it with
# them off (before: the library's scans) and times them again. Each list line ends in a fingerprint of the answer (total, item count, hash of
# the ids in order): before and after must be equal. Prints the figures with the start times, the launcher's resident
# memory and the load average; reported, never asserted. PROFILE=1 records the launcher with JFR while each phase is
# measured and prints its hottest frames. Takes 20-40 minutes on 2 shared cores, most of it the load.
#
#   scripts/bench-lists.sh   (SKIP_BUILD=1 skips the package build; BENCH_PORT_OFFSET default 5000; LEADS per
#                             company, default 100000; BENCH_TIMES requests per list, default 5; BENCH_OUT keeps the
#                             report and recordings, default a new /tmp/bench-lists-* directory; BENCH_DATA=DIR
#                             measures a data directory loaded before, e.g. a copy of a stack's, and keeps it;
#                             BENCH_PHASES "after before" by default, or one of them)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
offset=${BENCH_PORT_OFFSET:-5000}
leads=${LEADS:-100000}
GW=http://127.0.0.1:$((8080 + offset)); MONGO=mongodb://127.0.0.1:$((27017 + offset))
work=$(mktemp -d); launcher=
# BENCH_DATA=DIR: measure a data directory kept from an earlier load (no load; the directory is left in place).
data=${BENCH_DATA:-$work/data}
out=${BENCH_OUT:-$(mktemp -d /tmp/bench-lists-XXXX)}
mkdir -p "$out"
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
# BENCH_LAUNCHER_OPTS replaces the launcher's usual flags (scripts/run-local.sh's) for the measured starts (the
# ordered indexes of 200k leads did not fit beside the page cache in the earlier default -Xmx512m, docs/benchmarks.md).
launcher_opts=${BENCH_LAUNCHER_OPTS:-"-Xms32m -Xmx1g -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k"}
# Loading only: a page cache that holds the file, so each insert does not read pages back from it.
load_opts="-Xms32m -Xmx3g -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Dcalliyo.mongo.cache-mb=2048"
starts=0
start_stack() { # $1 true|false: ordered indexes; $2 the launcher's JVM flags
  local log=$work/stack-$((++starts))-$1.log started
  started=$(date +%s.%N)
  # The services' store read timeout (30 s) is raised: with the library's scans, opening a store of 200k leads and
  # creating the services' indexes at start read every document a dozen times, and a service's start timed out.
  CALLIYO_STORE_READ_TIMEOUT=${CALLIYO_STORE_READ_TIMEOUT:-300s} CALLIYO_RATE_LIMIT_ENABLED=false SKIP_BUILD=1 \
    LOCAL_STACK_JAVA_OPTS="$2 -Dcalliyo.mongo.ordered-indexes=$1" \
    setsid scripts/run-local.sh "--data-dir=$data" "--port-offset=$offset" >"$log" 2>&1 &
  launcher=$!
  until grep -q "Calliyo is up" "$log"; do
    kill -0 "$launcher" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.5
  done
  printf 'start, ordered indexes %s: %.1f s (load %s); %s\n' "$1" \
    "$(awk -v a="$(date +%s.%N)" -v b="$started" 'BEGIN {print a - b}')" "$(cut -d' ' -f1 /proc/loadavg)" \
    "$(grep -o 'MongoDB-wire store opened in .*' "$log")" | tee -a "$out/report.txt"
}
launcher_pid() {
  ss -ltnpH "sport = :$((27017 + offset))" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2
}
launcher_rss() {
  printf 'launcher RSS, ordered indexes %s: %s MiB\n' "$1" \
    "$(ps -o rss= -p "$(launcher_pid)" | awk '{printf "%.0f", $1 / 1024}')" | tee -a "$out/report.txt"
  # the heap in use after a full collection: what the page cache and the indexes hold
  jcmd "$(launcher_pid)" GC.run >/dev/null 2>&1 || true
  printf 'launcher heap after a full GC, ordered indexes %s: %s\n' "$1" \
    "$(jcmd "$(launcher_pid)" GC.heap_info 2>/dev/null | grep -o 'total [0-9]*K, used [0-9]*K' | head -2 | paste -sd';')" \
    | tee -a "$out/report.txt"
}
bench() { # then -D options
  ./mvnw -B -o -q -pl system-tests -am test -Dtest=ListLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    "-Dbench.gateway=$GW" "-Dbench.mongo=$MONGO" "-Dbench.leads=$leads" "-Dbench.times=${BENCH_TIMES:-5}" "-Dbench.report=$out/report.txt" "$@" \
    >"$work/bench.log" 2>&1 || { tail -60 "$work/bench.log" >&2; exit 1; }
  grep -o 'list load .*' "$work/bench.log" | tee -a "$out/report.txt" || true
}
measure() { # $1 label, then -D options
  if [[ "${PROFILE:-0}" == 1 ]]; then
    jcmd "$(launcher_pid)" JFR.start name=lists settings=profile "filename=$out/$1.jfr" >/dev/null || true
  fi
  echo "load average before measuring ($1): $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/report.txt"
  local label=$1; shift
  bench -Dbench.load=false "-Dbench.label=$label" "$@"
  echo "load average after measuring ($label): $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/report.txt"
  if [[ "${PROFILE:-0}" == 1 ]]; then
    jcmd "$(launcher_pid)" JFR.stop name=lists >/dev/null || true
    echo "hottest frames of the launcher ($label), JFR execution samples:" >>"$out/report.txt"
    jfr print --events jdk.ExecutionSample "$out/$label.jfr" | grep -A1 'stackTrace = \[' | grep -v 'stackTrace\|^--' \
      | sed 's/line:.*//; s/^ *//' | sort | uniq -c | sort -rn | head -15 >>"$out/report.txt"
  fi
}
if [[ -z "${BENCH_DATA:-}" ]]; then
  say "load: ordered indexes off, large page cache (report and recordings in $out)"
  start_stack false "$load_opts"
  bench -Dbench.measure=false
  stop_stack
fi
# After first: its start opens the store without reading it (the library fills every index it ignores, twice per
# index and start, from the whole collection: minutes at this size, so "before" starts much slower).
phases=${BENCH_PHASES:-after before}
if [[ " $phases " == *" after "* ]]; then
say "after: ordered indexes on (built in the background right after the start)"
start_stack true "$launcher_opts"
# The indexes are built in the background after the store opens (the lists get the library's scan meanwhile): one
# request per list right after the start shows what a user meets then (an untimed first request, repeated until
# answered, and its time), then the lists are timed once the builds of the leads collection are done.
measure after-start -Dbench.warmup-seconds=300 -Dbench.times=1
built_after=$(date +%s)
for _ in $(seq 1 600); do
  grep -q 'indexes of leads.leads built in the background' "$work/stack-$starts-true.log" && break
  sleep 1
done
sleep 20 # a second pass (an index lead-service declared at its start) logs a line of its own
grep -o 'indexes of .* built in the background in .*' "$work/stack-$starts-true.log" | sed 's/^/background build: /' \
  | tee -a "$out/report.txt" || echo "background build: no line (builds under 1 s are not logged)" | tee -a "$out/report.txt"
say "builds seen $(( $(date +%s) - built_after )) s after the first lists"
measure after
launcher_rss true
stop_stack
fi
if [[ " $phases " == *" before "* ]]; then
say "before: ordered indexes off"
start_stack false "$launcher_opts"
measure before
launcher_rss false
stop_stack
fi
cat "$out/report.txt"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
