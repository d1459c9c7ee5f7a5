#!/usr/bin/env bash
# The suite's benchmarks in one command. Starts the local stack itself (the default H2 file store in a fresh data
# directory, then --in-memory), runs each benchmark, prints one table in which each figure stands beside its
# reference measured in the same run, and writes it to docs/benchmarks.md with the machine, the date and the command
# (only its own part: the hand-written sections after its end marker are kept).
# Reported, never asserted: the tests assert behaviour, and wall-clock figures are noisy on a shared machine (the
# load average is printed with them).
#
#   scripts/bench.sh [--quick]
#
# --quick: fewer conversions and a smaller CSV (about 5 minutes instead of about 15). SKIP_BUILD=1 skips the
# package build (run ./mvnw -DskipTests package first); BENCH_PORT_OFFSET (default 5000) moves every port, so a
# stack on the default ports keeps running; BENCH_OUT (default docs/benchmarks.md) is where the table goes.
# Needs curl, python3, ss and wrk (Debian: apt-get install wrk) besides the JDK.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
quick=0
for arg in "$@"; do
  case $arg in
    --quick) quick=1 ;;
    *) echo "usage: $0 [--quick]" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install wrk)" >&2; exit 1; }
offset=${BENCH_PORT_OFFSET:-5000}
out_file=${BENCH_OUT:-docs/benchmarks.md}
GW=http://127.0.0.1:$((8080 + offset)); LEADS=http://127.0.0.1:$((8081 + offset))
KAFKA=127.0.0.1:$((9092 + offset)); MONGO=mongodb://127.0.0.1:$((27017 + offset))
if [[ $quick == 1 ]]; then seconds=3; csv_mb=2; pages=5; else seconds=10; csv_mb=10; pages=20; fi
work=$(mktemp -d); launcher=
began=$(date +%s)
stop_stack() {
  if [[ -n $launcher ]]; then kill -TERM -- "-$launcher" 2>/dev/null || true; wait "$launcher" 2>/dev/null || true; fi
  launcher=
}
# on a failure, what was measured so far is printed before the work directory goes
trap 'status=$?; stop_stack; [[ $status != 0 ]] && cat "$results" >&2; rm -rf "$work"' EXIT
say() { echo "[bench] $*" >&2; }
results=$work/results; : >"$results"
# "key<TAB>value" lines, turned into the table at the end
record() { printf '%s\t%s\n' "$1" "$2" >>"$results"; }

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  say "building: ./mvnw -B -q -DskipTests package"
  ./mvnw -B -q -DskipTests package
fi

# Starts the stack ($1: --data-dir=DIR or --in-memory) and records ($2) the seconds from the command to
# "Calliyo is up". Not in a subshell: $launcher must outlive it.
start_stack() {
  local log=$work/stack-$(date +%s%N).log started
  started=$(date +%s.%N)
  CALLIYO_RATE_LIMIT_ENABLED=false SKIP_BUILD=1 setsid scripts/run-local.sh "$1" "--port-offset=$offset" >"$log" 2>&1 &
  launcher=$!
  until grep -q "Calliyo is up" "$log"; do
    kill -0 "$launcher" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.2
  done
  record "$2" "$(awk -v a="$(date +%s.%N)" -v b="$started" 'BEGIN {printf "%.1f", a - b}')"
}

pid_on() { ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
rss_mib() { ps -o rss= -p "$1" | awk '{printf "%.0f", $1 / 1024}'; }
record_rss() {
  local total=0 name port pid mib
  for entry in launcher+MongoDB-wire:$((27017 + offset)) Kafka-broker:$((9092 + offset)) gateway:$((8080 + offset)) \
      lead-service:$((8081 + offset)) customer-service:$((8082 + offset)) order-service:$((8083 + offset)) \
      reporting-service:$((8084 + offset)) web-app:$((8085 + offset)) webhook-service:$((8086 + offset)); do
    name=${entry%%:*}; port=${entry##*:}; pid=$(pid_on "$port"); mib=$(rss_mib "$pid")
    record "rss $1 $name" "$mib"; total=$((total + mib))
  done
  record "rss $1 total" "$total"
}

maven_bench() { # $1 test class, then -D options; the report file is appended to
  ./mvnw -B -o -q -pl system-tests -am test "-Dtest=$1" -Dsurefire.failIfNoSpecifiedTests=false \
    "${@:2}" >"$work/$1.log" 2>&1 || { tail -60 "$work/$1.log" >&2; exit 1; }
}

# --- default store ---------------------------------------------------------------------------------------------
say "default store: first start on a fresh data directory"
start_stack "--data-dir=$work/data" "start cold"
sleep 5; record_rss default
say "conversion → visible at 1, 10 and 100 conversions/s, $seconds s each"
maven_bench ConversionLatencyBenchmark "-Dbench.gateway=$GW" "-Dbench.direct=$LEADS" "-Dbench.kafka=$KAFKA" \
  "-Dbench.seconds=$seconds" "-Dbench.report=$work/conversion.md"
say "store's raw insertMany, then the CSV import (${csv_mb} MB) through the gateway"
csv=$work/import.csv
python3 - "$csv" "$csv_mb" <<'PY'
import sys
size, limit = 0, int(sys.argv[2]) * 1024 * 1024 - 200
with open(sys.argv[1], "w") as out:
    out.write("FirstName,LastName,Phone,Email,Status,Tags\n")
    i = 0
    while size < limit:
        n = i - 7 if i % 20 == 19 else i  # every 20th row repeats an earlier phone: ~5% duplicates
        line = f'Lead{i},Surname{i},{9300000000 + n},lead{i}@example.com,Unassigned,"csv;batch{i % 50}"\n'
        out.write(line); size += len(line); i += 1
PY
rows=$(($(wc -l <"$csv") - 1))
maven_bench StoreInsertBenchmark "-Dbench.mongo=$MONGO" "-Dbench.rows=$rows" "-Dbench.report=$work/insert.txt"
record "store insertMany rows/s" "$(awk '{print $4}' "$work/insert.txt")"
scripts/bench-import.sh "$GW" "$csv" | tee "$work/import.txt" >&2
record "import rows/s" "$(sed -n 's/.* s: \([0-9]*\) rows\/s$/\1/p' "$work/import.txt")"
record "import rows" "$rows"
record "import polls missed" "$(sed -n 's/^polls of the import.s state not answered within 10 s while it ran: //p' "$work/import.txt")"
admin=$(sed -n 's/^company admin: //p' "$work/import.txt")
say "reports of the import's company (about $rows leads), 5 each, against a plain page of its leads"
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {}, {'d': d}))" "$1"; }
token=$(curl -sf -XPOST "$GW/api/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$admin\",\"password\":\"bench-password\"}" | json "d['accessToken']")
p50_of() { # $1 path: median of 5 (curl's time_total, ms), with the answers other than 200 named
  for _ in 1 2 3 4 5; do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $token" "$GW$1"
  done | sort -k2 -n | awk '{ms[NR] = $2 * 1000} $1 != 200 {bad = bad " " $1}
    END {printf "%.0f ms%s", ms[3], bad ? " (answers other than 200:" bad ")" : ""}'
}
for report in "conversions?groupBy=agent" "conversions?groupBy=tag" "time-to-convert?groupBy=agent" \
    "revenue?groupBy=agent" funnel "calls?groupBy=agent"; do
  record "report $report" "$(p50_of "/api/reports/$report")"
done
record "plain read leads page" "$(p50_of "/api/leads?size=100")"
say "web pages through the gateway"
scripts/bench-web.sh "$GW" "$pages" >"$work/web.txt" 2>&1 || echo "(bench-web.sh failed: exit $?)" >>"$work/web.txt"
stop_stack
say "default store: second start on the same data"
start_stack "--data-dir=$work/data" "start warm"
stop_stack

# --- in memory -------------------------------------------------------------------------------------------------
say "in memory: the cheap authenticated read, direct and through the gateway (wrk)"
start_stack --in-memory "start in-memory"
sleep 5; record_rss in-memory
WARMUP=${WARMUP:-30s} scripts/bench-read.sh "--port-offset=$offset" >"$work/read.txt"
stop_stack

# --- the table -------------------------------------------------------------------------------------------------
python3 - "$results" "$work" "$out_file" "$rows" "$(( $(date +%s) - began ))" "$*" <<'PY'
import os, platform, subprocess, sys, datetime
results, work, out_file, rows, took, args = sys.argv[1:7]
r = {}
for line in open(results):
    key, _, value = line.rstrip("\n").partition("\t")
    r[key] = value
def read(name):
    path = os.path.join(work, name)
    return open(path).read().strip() if os.path.exists(path) else "(not measured)"
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())
mem = next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal"))
java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
def num(key):
    try:
        return float(r[key])
    except (KeyError, ValueError):
        return None
ins, imp = num("store insertMany rows/s"), num("import rows/s")
lines = [
    "# Benchmarks",
    "",
    f"Written by `scripts/bench.sh {args}`".rstrip() + f" on {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC"
    f" in {int(took) // 60} min. Machine: {os.cpu_count()} cores ({cpu}), {int(mem) // 1024} MiB, {java};"
    f" load average at the end {open('/proc/loadavg').read().split()[0]}. Each figure stands beside its reference"
    " from the same run. Reported, never asserted.",
    "",
    "## Conversion → visible (default store, through the gateway)",
    "",
    "Milliseconds from just before the `PATCH` is sent; the reference is a raw produce → consume round trip on the"
    " same broker.",
    "",
    read("conversion.md"),
    "",
    "## Writes in bulk and reports (default store)",
    "",
    "| measure | figure | reference |",
    "|---|---|---|",
    f"| CSV import through the gateway, {rows} rows | {r.get('import rows/s', '?')} rows/s"
    f" ({imp / ins:.0%} of the raw rate) | store's raw `insertMany`: {r.get('store insertMany rows/s', '?')} rows/s |"
    if ins and imp else f"| CSV import | {r.get('import rows/s', '?')} rows/s | raw insertMany {r.get('store insertMany rows/s', '?')} |",
]
lines.append(f"| interactive reads during the import (its state, every 5 s) not answered within 10 s |"
             f" {r.get('import polls missed', '?')} | (should be none) |")
plain = r.get("plain read leads page", "?")
for key in sorted(k for k in r if k.startswith("report ")):
    lines.append(f"| `GET /api/reports/{key[7:]}` at about {rows} leads, p50 of 5 | {r[key]} |"
                 f" `GET /api/leads?size=100` of the same company: {plain} |")
lines += [
    "",
    "## Start and memory",
    "",
    "| measure | figure |",
    "|---|---|",
    f"| default store, first start (fresh data directory) | {r.get('start cold', '?')} s |",
    f"| default store, second start (same data) | {r.get('start warm', '?')} s |",
    f"| in memory | {r.get('start in-memory', '?')} s |",
]
for mode in ("default", "in-memory"):
    parts = [f"{k.split(' ', 2)[2]} {v}" for k, v in r.items() if k.startswith(f"rss {mode} ") and not k.endswith("total")]
    lines.append(f"| resident memory idle, {mode}: {r.get(f'rss {mode} total', '?')} MiB in all | {', '.join(parts)} (MiB) |")
lines += [
    "",
    "The first start after a build includes each service's class data training run (local-stack README, \"Class data"
    " sharing\"); later starts map the archives. `scripts/bench-startup.sh` repeats starts and prints each with its"
    " load average; `LOCAL_STACK_CDS=off` measures without the archives.",
    "",
    "## Cheap authenticated read, `GET /api/leads/{id}` (in memory, wrk)",
    "",
    "```",
    read("read.txt"),
    "```",
    "",
    "## Web pages through the gateway (default store)",
    "",
    "```",
    read("web.txt"),
    "```",
    "",
    "Not measured by this script yet: the rebuild of each read model from the topics against the raw consume rate,"
    " and reports at 10k and 1M leads (the reports benchmark on the `rollups` branch does those). List latency in a"
    " crowded store, before and after the embedded store's secondary indexes: `scripts/bench-lists.sh` (its own"
    " stack, 15-30 min of which most is the bulk load).",
    "",
]
text = "\n".join(lines)
# Sections written by hand (benchmarks this script does not run) follow the end marker and are kept.
END_MARKER = "<!-- end of what scripts/bench.sh writes; hand-written sections below are kept by it -->"
kept = ""
if os.path.exists(out_file):
    previous = open(out_file).read()
    if END_MARKER in previous:
        kept = previous.split(END_MARKER, 1)[1]
open(out_file, "w").write(text.rstrip("\n") + "\n\n" + END_MARKER + kept)
print(text)
PY
