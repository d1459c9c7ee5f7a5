#!/usr/bin/env bash
# Measures the local stack: wall time from the run command to "Calliyo is up" (all five services healthy) and the
# resident memory of every JVM of the stack once it is up, over N starts (default 3), then prints the medians.
# The build is skipped (SKIP_BUILD=1), so run scripts/run-local.sh or ./mvnw -DskipTests package once before;
# WITH_BUILD=1 times the whole run command instead, its Maven build included.
#
#   scripts/bench-startup.sh [runs] [extra run-local options, e.g. --port-offset=2000]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${1:-3}
shift || true
out=$(mktemp)
trap 'rm -f "$out"' EXIT

median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }

startups=() ; memories=()
for run in $(seq 1 "$runs"); do
  started=$(date +%s.%N)
  SKIP_BUILD=$([[ "${WITH_BUILD:-0}" == 1 ]] && echo 0 || echo 1) setsid scripts/run-local.sh --in-memory "$@" >"$out" 2>&1 &
  launcher=$!
  until grep -q "Calliyo is up" "$out"; do
    if ! kill -0 "$launcher" 2>/dev/null; then cat "$out" >&2; exit 1; fi
    sleep 0.1
  done
  up=$(awk -v a="$(date +%s.%N)" -v b="$started" 'BEGIN {print a - b}')
  sleep 5 # let the services settle after their first requests
  pids=$(pgrep -d, -f 'local-stack.jar|kafka.Kafka|/target/(lead-service|customer-service|order-service|reporting-service|webhook-service|web-app|gateway).jar')
  rss=$(ps -o rss= -p "$pids" | awk '{s+=$1} END {printf "%.0f", s/1024}')
  printf 'run %d: up in %.1f s, %d JVMs, %s MiB resident\n' "$run" "$up" "$(echo "$pids" | tr ',' '\n' | wc -l)" "$rss"
  startups+=("$up"); memories+=("$rss")
  kill -TERM "$launcher"; wait "$launcher" || true
done
printf 'median of %d: up in %.1f s, %s MiB resident (launcher with MongoDB-wire server + Kafka broker + 7 services)\n' \
  "$runs" "$(printf '%s\n' "${startups[@]}" | median)" "$(printf '%s\n' "${memories[@]}" | median)"
