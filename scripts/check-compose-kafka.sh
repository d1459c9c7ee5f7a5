#!/bin/bash
# Runs the compose brokers' security on real brokers without Docker, then scripts/ComposeKafkaCheck.java signs in
# as the services and checks what is allowed and what is refused. Exit code 0 only if every expectation holds.
#   --nodes=1 (default): docker-compose.yml's broker, ops/kafka/server.properties, topics at replication factor 1.
#   --nodes=3: docker-compose.cluster.yml's three KRaft nodes, ops/kafka/cluster/server.properties, each with the
#     per-node lines and logins ops/kafka/cluster/start.sh adds (node.id, the SCRAM login on INTERNAL, the PLAIN
#     login on CONTROLLER), one cluster id; topics at replication factor 3, owners write with acks=all, which needs
#     min.insync.replicas=2 of the 3.
# Host names, ports and data directories move to this machine; storage is formatted with every SCRAM login as the
# start scripts do; topics.conf and acls.conf are applied through the Admin API (the Kafka jars here have no
# kafka-acls tool). Each broker JVM takes about 300 MB; three run for about a minute.
#   ./mvnw -B -o -pl local-stack -am package -DskipTests   # once: the Kafka jars in local-stack/target/lib
#   scripts/check-compose-kafka.sh [--nodes=1|3] [base port, default 29592: node n takes base+2(n-1) and the next]
# CHECK_KAFKA_LOGS=<dir> keeps the brokers' logs there (they are printed anyway when the check fails).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
LIB="$ROOT/local-stack/target/lib"
NODES=1
if [[ "${1:-}" == --nodes=* ]]; then NODES=${1#--nodes=}; shift; fi
[[ "$NODES" == 1 || "$NODES" == 3 ]] || { echo "--nodes is 1 (docker-compose.yml) or 3 (docker-compose.cluster.yml)" >&2; exit 2; }
BASE=${1:-29592}
[ -d "$LIB" ] || { echo "no $LIB: run ./mvnw -B -o -pl local-stack -am package -DskipTests" >&2; exit 2; }
port() { echo $((BASE + 2 * ($1 - 1))); }
listening() { [ -n "$(ss -Hltn "( sport = :$1 )")" ]; }
for node in $(seq "$NODES"); do
  for p in "$(port "$node")" "$(($(port "$node") + 1))"; do
    if listening "$p"; then echo "port $p is in use: pass another base port" >&2; exit 2; fi
  done
done

WORK=$(mktemp -d)
PIDS=()
# keeps the check's exit code: stopping the brokers must not replace it
cleanup() {
  local rc=$?
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "$rc" -ne 0 ]; then for log in "$WORK"/broker-*.log; do echo "== $log"; tail -n 25 "$log"; done; fi
  if [ -n "${CHECK_KAFKA_LOGS:-}" ]; then mkdir -p "$CHECK_KAFKA_LOGS" && cp "$WORK"/*.log "$CHECK_KAFKA_LOGS"/; fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT

# Warnings, plus each node's way to readiness (quorum leader, registration, unfencing): if a broker never registers,
# its log says how far it got.
cat > "$WORK/logback.xml" <<'EOF'
<configuration>
  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{0} %msg%n</pattern></encoder>
  </appender>
  <logger name="kafka.server.BrokerLifecycleManager" level="INFO"/>
  <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
  <logger name="org.apache.kafka.raft.QuorumState" level="INFO"/>
  <root level="WARN"><appender-ref ref="out"/></root>
</configuration>
EOF
# (The brokers need an appender: a configuration without one, as this script had, logs nothing at all.)
echo '<configuration><root level="OFF"/></configuration>' > "$WORK/quiet.xml"
JAVA=(java -Dlogback.configurationFile="$WORK/logback.xml" -cp "$LIB/*")
# the check's own clients print only its verdicts
CHECK=(java -Dlogback.configurationFile="$WORK/quiet.xml" -cp "$LIB/*")
BROKER_JVM=(-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1)
export CHECK_ADMIN_PASSWORD=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
CONTROLLER_PASSWORD=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
CLUSTER_ID=$("${JAVA[@]}" kafka.tools.StorageTool random-uuid)
VOTERS=""
for node in $(seq "$NODES"); do VOTERS="$VOTERS${VOTERS:+,}$node@localhost:$(($(port "$node") + 1))"; done

# the logins as the start scripts make them; each service's password is "<name>-check" (throwaway brokers)
scram=(--add-scram "SCRAM-SHA-512=[name=admin,password=$CHECK_ADMIN_PASSWORD]")
for service in lead-service customer-service order-service reporting-service webhook-service web-app gateway; do
  scram+=(--add-scram "SCRAM-SHA-512=[name=$service,password=$service-check]")
done
admin_login="listener.name.internal.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"$CHECK_ADMIN_PASSWORD\";"

BOOTSTRAP=""
for node in $(seq "$NODES"); do
  P=$(port "$node")
  CONFIG="$WORK/server-$node.properties"
  if [ "$NODES" -eq 1 ]; then
    sed -e "s#^controller.quorum.voters=.*#controller.quorum.voters=$VOTERS#" \
        -e "s#^listeners=.*#listeners=INTERNAL://localhost:$P,CONTROLLER://localhost:$((P + 1))#" \
        -e "s#^advertised.listeners=.*#advertised.listeners=INTERNAL://localhost:$P#" \
        -e "s#^log.dirs=.*#log.dirs=$WORK/data-$node#" "$ROOT/ops/kafka/server.properties" > "$CONFIG"
    echo "$admin_login" >> "$CONFIG"   # what ops/kafka/start.sh appends
  else
    sed -e "s#^controller.quorum.voters=.*#controller.quorum.voters=$VOTERS#" \
        -e "s#^listeners=.*#listeners=INTERNAL://localhost:$P,CONTROLLER://localhost:$((P + 1))#" \
        -e "s#^log.dirs=.*#log.dirs=$WORK/data-$node#" "$ROOT/ops/kafka/cluster/server.properties" > "$CONFIG"
    {  # what ops/kafka/cluster/start.sh appends, with this machine's addresses
      echo "node.id=$node"
      echo "advertised.listeners=INTERNAL://localhost:$P"
      echo "$admin_login"
      echo "listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"controller\" password=\"$CONTROLLER_PASSWORD\" user_controller=\"$CONTROLLER_PASSWORD\";"
    } >> "$CONFIG"
  fi
  "${JAVA[@]}" kafka.tools.StorageTool format --config "$CONFIG" --cluster-id "$CLUSTER_ID" "${scram[@]}" \
    > "$WORK/format-$node.log"
  "${JAVA[@]}" "${BROKER_JVM[@]}" kafka.Kafka "$CONFIG" > "$WORK/broker-$node.log" 2>&1 &
  PIDS+=($!)
  BOOTSTRAP="$BOOTSTRAP${BOOTSTRAP:+,}localhost:$P"
done

# Every broker listening (or its log, at once, if one exited); ComposeKafkaCheck then waits for their registration.
for node in $(seq "$NODES"); do
  for _ in $(seq 240); do
    listening "$(port "$node")" && break
    kill -0 "${PIDS[$((node - 1))]}" 2>/dev/null || { echo "broker $node exited" >&2; exit 1; }
    sleep 0.5
  done
  listening "$(port "$node")" || { echo "broker $node is not listening after 120 s" >&2; exit 1; }
done
"${CHECK[@]}" "$ROOT/scripts/ComposeKafkaCheck.java" "$BOOTSTRAP" "$ROOT/ops/kafka" "$NODES"
