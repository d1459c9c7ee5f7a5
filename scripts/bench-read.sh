#!/usr/bin/env bash
# The cheap authenticated read, GET /api/leads/{id}, under load with wrk: straight to lead-service and through the
# gateway, one after the other, with the same token and lead. Prints req/s, p50 and p99 of both, the gateway's
# share of the direct throughput and what it adds at p50, and the load average (the machine is shared, so compare
# runs made back to back) and the CPU time lead-service and the gateway spent per request, which depends far less on
# what else runs. Reported, not asserted. Needs wrk (Debian: apt-get install wrk) and ss.
#
#   scripts/bench-read.sh [--start] [--port-offset=N]
#
# --start runs an --in-memory stack for the benchmark (SKIP_BUILD=1: package first) and stops it afterwards;
# without it a running stack at the offset's ports is used, started with CALLIYO_RATE_LIMIT_ENABLED=false (else the
# gateway answers 429). DURATION (default 10s), CONNECTIONS (8), THREADS (2) and WARMUP (10s, the same load before
# each measured run, so the JIT has compiled the path) are read from the environment. The services run with the
# local stack's C1-only JIT unless LOCAL_STACK_SERVICE_JAVA_OPTS=-XX:TieredStopAtLevel=4 (full tiered, as in the
# container images; its C2 needs minutes of load on a busy machine) is set for --start; the output names the JIT
# lead-service and the gateway run with.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
start=0; offset=0
for arg in "$@"; do
  case $arg in
    --start) start=1 ;;
    --port-offset=*) offset=${arg#*=} ;;
    *) echo "usage: $0 [--start] [--port-offset=N]" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "bench-read: wrk is missing (apt-get install wrk)" >&2; exit 1; }
GW=http://127.0.0.1:$((8080 + offset)); LEADS=http://127.0.0.1:$((8081 + offset))
DURATION=${DURATION:-10s}; CONNECTIONS=${CONNECTIONS:-8}; THREADS=${THREADS:-2}; WARMUP=${WARMUP:-10s}
work=$(mktemp -d); launcher=
cleanup() { [[ -n $launcher ]] && kill -TERM -- "-$launcher" 2>/dev/null && wait "$launcher" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

if [[ $start == 1 ]]; then
  # a benchmark sends far more from one user than a person does: the gateway's rate limits would answer 429
  CALLIYO_RATE_LIMIT_ENABLED=false SKIP_BUILD=1 setsid scripts/run-local.sh --in-memory "--port-offset=$offset" >"$work/stack.log" 2>&1 &
  launcher=$!
  until grep -q "Calliyo is up" "$work/stack.log"; do
    kill -0 "$launcher" 2>/dev/null || { cat "$work/stack.log" >&2; exit 1; }
    sleep 0.5
  done
  grep -a -o 'Calliyo is up.*' "$work/stack.log"
fi

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {}, {'d': d}))" "$1"; }
email="read-bench-$(date +%s)-$RANDOM@example.com"
curl -sf -XPOST "$GW/api/companies" -H 'Content-Type: application/json' -d "{\"companyName\":\"Read Bench\",\"timezone\":\"Asia/Kolkata\",\"adminName\":\"Bench\",\"adminEmail\":\"$email\",\"adminPassword\":\"bench-password\"}" >/dev/null
token=$(curl -sf -XPOST "$GW/api/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"bench-password\"}" | json "d['accessToken']")
lead=$(curl -sf -XPOST "$GW/api/leads" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"firstName\":\"Read\",\"lastName\":\"Bench\",\"phone\":\"9$(printf %09d $((RANDOM * 1000)))\",\"source\":\"bench\"}" \
  | json "d['id']")

# CPU seconds (user + system) a process has used so far: with the machine shared, CPU per request says more than
# req/s. The process is the one listening on the port.
pid_on() { ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$1/stat"; }
lead_pid=$(pid_on $((8081 + offset))); gateway_pid=$(pid_on $((8080 + offset)))
# The last -XX:TieredStopAtLevel on the command line wins; none means full tiered.
jit_of() {
  local level; level=$(tr '\0' '\n' <"/proc/$1/cmdline" | sed -n 's/^-XX:TieredStopAtLevel=//p' | tail -1)
  [[ ${level:-4} == 4 ]] && echo "full tiered (C1+C2)" || echo "TieredStopAtLevel=$level (C1 only)"
}
jit="lead-service $(jit_of "$lead_pid"), gateway $(jit_of "$gateway_pid")"

# wrk's --latency table gives percentiles in us, ms or s; the summary counts non-2xx answers, which must be none.
# Writes "<lead-service CPU s> <gateway CPU s>" used during the measured run to $out.cpu.
run() {
  local url=$1 out=$2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: Bearer $token" "$url" >/dev/null
  local lead0 gw0; lead0=$(cpu_s "$lead_pid"); gw0=$(cpu_s "$gateway_pid")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $token" "$url" >"$out"
  echo "$(cpu_s "$lead_pid") $lead0 $(cpu_s "$gateway_pid") $gw0" | awk '{print $1 - $2, $3 - $4}' >"$out.cpu"
  if grep -q 'Non-2xx' "$out"; then echo "bench-read: $url answered non-2xx:" >&2; cat "$out" >&2; exit 1; fi
}
run "$LEADS/api/leads/$lead" "$work/direct"
load_direct=$(cut -d' ' -f1 /proc/loadavg)
run "$GW/api/leads/$lead" "$work/gateway"
load_gateway=$(cut -d' ' -f1 /proc/loadavg)

python3 - "$work/direct" "$work/gateway" "$load_direct" "$load_gateway" "$CONNECTIONS" "$DURATION" "$WARMUP" "$jit" <<'PY'
import re, sys
def ms(text):
    value, unit = re.fullmatch(r'([\d.]+)(us|ms|s)', text).groups()
    return float(value) * {'us': 0.001, 'ms': 1, 's': 1000}[unit]
def parse(path):
    out = open(path).read()
    pct = dict(re.findall(r'^\s*(50|99)(?:\.0+)?%\s+(\S+)\s*$', out, re.M))
    if '50' not in pct or '99' not in pct:
        sys.exit(f"bench-read: no latency percentiles in wrk's output:\n{out}")
    requests = int(re.search(r'(\d+) requests in', out).group(1))
    lead_cpu, gateway_cpu = (float(v) * 1000 / requests for v in open(path + '.cpu').read().split())
    return (float(re.search(r'Requests/sec:\s+([\d.]+)', out).group(1)), ms(pct['50']), ms(pct['99']),
            lead_cpu, gateway_cpu)
direct, gateway = parse(sys.argv[1]), parse(sys.argv[2])
print(f"GET /api/leads/{{id}}, wrk {sys.argv[5]} connections for {sys.argv[6]}, each after a warm-up of {sys.argv[7]};"
      f" JIT: {sys.argv[8]}")
print(f"{'':8} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'lead-service CPU ms/req':>24} {'gateway CPU ms/req':>19}"
      f" {'load avg':>9}")
for name, (rps, p50, p99, lead, gw), load in (("direct", direct, sys.argv[3]), ("gateway", gateway, sys.argv[4])):
    print(f"{name:8} {rps:7.0f} {p50:7.2f} {p99:7.2f} {lead:24.2f} {gw if name == 'gateway' else 0:19.2f}"
          f" {load:>9}")
print(f"gateway/direct throughput {gateway[0] / direct[0]:.0%}, added at p50 {gateway[1] - direct[1]:.2f} ms")
PY
