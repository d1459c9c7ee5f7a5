#!/usr/bin/env bash
# The long fault-injection run, on one stack of its own (in memory, free ports) shared by every fault test:
#  - FaultInjectionIT: every fault (MongoDB-wire restart, broker kill -9 + restart, SIGSTOP/SIGCONT and kill -9 +
#    restart of each service that owns data) held 20 s under a steady load of lead and order writes;
#  - OutboxKillIT: lead-service halted at 20 points inside its outbox window (CALLIYO_FAULTS_HALT_AT);
#  - PoisonRecordIT: an undecodable record on each consumed topic (DLT once per group, the good event behind it
#    visible in every reader, the revocation feeds included);
#  - ConsumerReplayIT: the consumer group of each consuming service reset to the start (no document changes);
#  - RandomHistoryIT: 10,000 random changes over 500 leads in 5 companies with faults at random points;
# then the fault table (lost, duplicates, catch-up time, refusals by status) printed. The seed is printed too; pass
# it back to replay the same run.
# With --scale-out: ScaleOutIT instead, on a stack of its own with REPLICAS (default 2) instances of each back-end
# service and BROKERS (default 3) brokers: one instance of each and one broker killed and kept dead for HOLD_SECONDS
# under load; the same table, plus the consumer groups' rebalance and the daily job's scheduled runs.
# Usage: scripts/faults.sh [--scale-out] [seed]   (builds the service jars first, running none of their tests)
# Env:   TESTS (failsafe pattern, default all five), FAULTS (comma list, default all), HOLD_SECONDS (default 20),
#        PERIOD_MILLIS (default 100), OUTBOX_KILLS (default all 20, or e.g. after-ack:3,before-ack:1),
#        REPLAY_GROUPS (default the four consuming services), HISTORY_CHANGES (10000), HISTORY_LEADS (500),
#        HISTORY_FAULTS (default mongo,broker,kill-lead-service,freeze-customer-service,kill-order-service,
#        kill-reporting-service), REPLICAS, BROKERS (--scale-out)
set -euo pipefail
cd "$(dirname "$0")/.."
tests="${TESTS:-FaultInjectionIT,OutboxKillIT,PoisonRecordIT,ConsumerReplayIT,RandomHistoryIT}"
if [[ "${1:-}" == "--scale-out" ]]; then
  tests=ScaleOutIT
  shift
fi
args=(-Dfaults.hold-seconds="${HOLD_SECONDS:-20}" -Dfaults.period-millis="${PERIOD_MILLIS:-100}")
args+=(-Dscaleout.replicas="${REPLICAS:-2}" -Dscaleout.brokers="${BROKERS:-3}")
args+=(-Dfaults.list="${FAULTS:-mongo,broker,freeze-lead-service,kill-lead-service,freeze-customer-service,kill-customer-service,freeze-order-service,kill-order-service,freeze-reporting-service,kill-reporting-service,freeze-webhook-service,kill-webhook-service}")
args+=(-Dfaults.outbox-kills="${OUTBOX_KILLS:-all}")
args+=(-Dfaults.replay-groups="${REPLAY_GROUPS:-customer-service,reporting-service,order-service,webhook-service}")
args+=(-Dfaults.history-changes="${HISTORY_CHANGES:-10000}" -Dfaults.history-leads="${HISTORY_LEADS:-500}")
args+=(-Dfaults.history-faults="${HISTORY_FAULTS:-mongo,broker,kill-lead-service,freeze-customer-service,kill-order-service,kill-reporting-service}")
[[ -n "${1:-}" ]] && args+=(-Dfaults.seed="$1")
log=$(mktemp)
./mvnw -B -o -pl system-tests -am verify -Dtest=none -Dit.test="$tests" -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false "${args[@]}" > "$log" 2>&1 && status=0 || status=$?
grep '^\[faults\]' "$log" || true
grep -E 'Tests run:|FAIL' "$log" | grep -v '^\[faults\]' | tail -8 || true
[[ $status -eq 0 ]] || { echo "FAILED (exit $status); full log: $log"; tail -40 "$log"; }
exit $status
