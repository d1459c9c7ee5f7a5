#!/usr/bin/env bash
# Measures the local stack's start: wall time from the run command to "Calliyo is up" (every service healthy) and the
# resident memory (VmRSS) of each JVM of the stack once it is idle, over N starts (default 3), then the medians.
# Each run prints the 1-minute load average at its start and end: the machine is shared, so the figures are only
# comparable between runs made back to back.
#
#   scripts/bench-startup.sh [runs] [extra run-local options, e.g. --port-offset=2000 --data-dir=/tmp/d]
#
# Default: --in-memory. With --data-dir=DIR the first run starts on whatever DIR holds (delete it for a cold start)
# and later runs are warm (same data). The build is skipped (SKIP_BUILD=1), so run scripts/run-local.sh or
# ./mvnw -DskipTests package once before; WITH_BUILD=1 times the whole run command, its Maven build included.
# LOCAL_STACK_SERVICE_JAVA_OPTS is passed on (e.g. -XX:TieredStopAtLevel=4 for full tiered JIT).
# The processes are found by their ports (not by name), so other stacks on the machine are not counted.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${1:-3}
shift || true
out=$(mktemp)
launcher=
trap '[[ -n $launcher ]] && kill -TERM "$launcher" 2>/dev/null; rm -f "$out"' EXIT

offset=0; store=(--in-memory)
for arg in "$@"; do
  case $arg in
    --port-offset=*) offset=${arg#*=} ;;
    --data-dir=*) store=() ;;
  esac
done

median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
load1() { cut -d' ' -f1 /proc/loadavg; }
pid_on() { ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
vmrss_mib() { awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status" 2>/dev/null || echo 0; }

parts="launcher:$((27017 + offset)) kafka:$((9092 + offset)) lead-service:$((8081 + offset))
customer-service:$((8082 + offset)) order-service:$((8083 + offset)) reporting-service:$((8084 + offset))
webhook-service:$((8086 + offset)) web-app:$((8085 + offset)) gateway:$((8080 + offset))"

startups=(); memories=()
for run in $(seq 1 "$runs"); do
  load_before=$(load1)
  started=$(date +%s.%N)
  SKIP_BUILD=$([[ "${WITH_BUILD:-0}" == 1 ]] && echo 0 || echo 1) \
    setsid scripts/run-local.sh "${store[@]}" "$@" >"$out" 2>&1 &
  launcher=$!
  until grep -q "Calliyo is up" "$out"; do
    if ! kill -0 "$launcher" 2>/dev/null; then cat "$out" >&2; exit 1; fi
    sleep 0.1
  done
  up=$(awk -v a="$(date +%s.%N)" -v b="$started" 'BEGIN {print a - b}')
  load_up=$(load1)
  sleep "${SETTLE_SECONDS:-10}" # idle: let the services settle after their first requests
  total=0; line=""
  for entry in $parts; do
    pid=$(pid_on "${entry##*:}"); mib=$(vmrss_mib "$pid")
    total=$((total + mib)); line="$line ${entry%%:*} $mib"
  done
  printf 'run %d: up in %.1f s (load %s -> %s), %d MiB resident:%s\n' "$run" "$up" "$load_before" "$load_up" "$total" "$line"
  startups+=("$up"); memories+=("$total")
  kill -TERM "$launcher"; wait "$launcher" || true; launcher=
done
printf 'median of %d: up in %.1f s, %s MiB resident (launcher with MongoDB-wire server, broker, 7 services)\n' \
  "$runs" "$(printf '%s\n' "${startups[@]}" | median)" "$(printf '%s\n' "${memories[@]}" | median)"
