#!/bin/bash
# The cluster file's brokers (docker-compose.cluster.yml) for real, without Docker: three KRaft nodes from
# ops/kafka/cluster/server.properties (host names and ports moved to this machine's loopback, data directories
# here), each with the per-node lines and logins ops/kafka/cluster/start.sh adds (the SCRAM login on INTERNAL, the
# PLAIN login on CONTROLLER) and storage formatted with one cluster id and every SCRAM login. Then
# scripts/ComposeKafkaCheck.java creates topics.conf's topics at replication factor 3 and applies acls.conf, and signs
# in as the services (owners write with acks=all, which needs min.insync.replicas=2 of the 3; others are refused).
# Exit code 0 only if every expectation holds. Three broker JVMs (about 300 MB each) for a minute or two.
#   ./mvnw -B -o -pl local-stack -am package -DskipTests   # once: the Kafka jars in local-stack/target/lib
#   scripts/check-compose-kafka-cluster.sh [base port, default 29692: node n takes base+2(n-1) and the next one]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
LIB="$ROOT/local-stack/target/lib"
BASE=${1:-29692}
[ -d "$LIB" ] || { echo "no $LIB: run ./mvnw -B -o -pl local-stack -am package -DskipTests" >&2; exit 2; }
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  local rc=$?
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "$rc" -ne 0 ]; then for log in "$WORK"/broker-*.log; do echo "== $log"; tail -n 20 "$log"; done; fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT

echo '<configuration><root level="WARN"/></configuration>' > "$WORK/logback.xml"
JAVA=(java -Dlogback.configurationFile="$WORK/logback.xml" -cp "$LIB/*")
export CHECK_ADMIN_PASSWORD=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
CONTROLLER_PASSWORD=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
CLUSTER_ID=$("${JAVA[@]}" kafka.tools.StorageTool random-uuid)
port() { echo $((BASE + 2 * ($1 - 1))); }
VOTERS="1@localhost:$(($(port 1) + 1)),2@localhost:$(($(port 2) + 1)),3@localhost:$(($(port 3) + 1))"

scram=(--add-scram "SCRAM-SHA-512=[name=admin,password=$CHECK_ADMIN_PASSWORD]")
for service in lead-service customer-service order-service reporting-service webhook-service web-app gateway; do
  scram+=(--add-scram "SCRAM-SHA-512=[name=$service,password=$service-check]")
done

BOOTSTRAP=""
for node in 1 2 3; do
  P=$(port "$node")
  CONFIG="$WORK/server-$node.properties"
  sed -e "s#^controller.quorum.voters=.*#controller.quorum.voters=$VOTERS#" \
      -e "s#^listeners=.*#listeners=INTERNAL://localhost:$P,CONTROLLER://localhost:$((P + 1))#" \
      -e "s#^log.dirs=.*#log.dirs=$WORK/data-$node#" "$ROOT/ops/kafka/cluster/server.properties" > "$CONFIG"
  # what ops/kafka/cluster/start.sh appends, with this machine's addresses
  {
    echo "node.id=$node"
    echo "advertised.listeners=INTERNAL://localhost:$P"
    echo "listener.name.internal.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"$CHECK_ADMIN_PASSWORD\";"
    echo "listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"controller\" password=\"$CONTROLLER_PASSWORD\" user_controller=\"$CONTROLLER_PASSWORD\";"
  } >> "$CONFIG"
  "${JAVA[@]}" kafka.tools.StorageTool format --config "$CONFIG" --cluster-id "$CLUSTER_ID" "${scram[@]}" \
    > "$WORK/format-$node.log"
  "${JAVA[@]}" -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 kafka.Kafka "$CONFIG" > "$WORK/broker-$node.log" 2>&1 &
  PIDS+=($!)
  BOOTSTRAP="$BOOTSTRAP${BOOTSTRAP:+,}localhost:$P"
done
"${JAVA[@]}" "$ROOT/scripts/ComposeKafkaCheck.java" "$BOOTSTRAP" "$ROOT/ops/kafka" 3
