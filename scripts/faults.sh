#!/usr/bin/env bash
# The long fault-injection run: system-tests' FaultInjectionIT on a stack of its own (in memory, free ports), every
# fault (MongoDB-wire restart, broker kill -9 + restart, SIGSTOP/SIGCONT and kill -9 + restart of each service that
# owns data) held 20 s under a steady load through the gateway, then the fault table (lost, duplicates, catch-up
# time, refusals by status) printed. The seed is printed too; pass it back to replay the same run.
# With --scale-out: ScaleOutIT instead, on a stack of its own with REPLICAS (default 2) instances of each back-end
# service and BROKERS (default 3) brokers: one instance of each and one broker killed and kept dead for HOLD_SECONDS
# under load; the same table, plus the consumer groups' rebalance and the daily job's scheduled runs.
# Usage: scripts/faults.sh [--scale-out] [seed]   (builds the service jars first, running none of their tests)
# Env:   FAULTS (comma list, default all), HOLD_SECONDS (default 20), PERIOD_MILLIS (default 100), REPLICAS, BROKERS
set -euo pipefail
cd "$(dirname "$0")/.."
test_class=FaultInjectionIT
if [[ "${1:-}" == "--scale-out" ]]; then
  test_class=ScaleOutIT
  shift
fi
args=(-Dfaults.hold-seconds="${HOLD_SECONDS:-20}" -Dfaults.period-millis="${PERIOD_MILLIS:-100}")
args+=(-Dscaleout.replicas="${REPLICAS:-2}" -Dscaleout.brokers="${BROKERS:-3}")
args+=(-Dfaults.list="${FAULTS:-mongo,broker,freeze-lead-service,kill-lead-service,freeze-customer-service,kill-customer-service,freeze-order-service,kill-order-service,freeze-reporting-service,kill-reporting-service,freeze-webhook-service,kill-webhook-service}")
[[ -n "${1:-}" ]] && args+=(-Dfaults.seed="$1")
log=$(mktemp)
./mvnw -B -o -pl system-tests -am verify -Dtest=none -Dit.test="$test_class" -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false "${args[@]}" > "$log" 2>&1 && status=0 || status=$?
grep '^\[faults\]' "$log" || true
[[ $status -eq 0 ]] || { echo "FAILED (exit $status); full log: $log"; tail -40 "$log"; }
exit $status
