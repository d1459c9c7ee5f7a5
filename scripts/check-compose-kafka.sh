#!/bin/bash
# Runs the compose broker's security on a real broker without Docker: ops/kafka/server.properties (ports, data
# directory and advertised host moved to this machine), storage formatted with SCRAM logins as ops/kafka/start.sh
# does, ops/kafka/topics.conf and ops/kafka/acls.conf applied (through the Admin API: the Kafka jars here have no
# kafka-acls tool), then scripts/ComposeKafkaCheck.java signs in as the services and checks what is allowed and what
# is refused. Exit code 0 only if every expectation holds.
#   ./mvnw -B -o -pl local-stack -am package -DskipTests   # once: the Kafka jars in local-stack/target/lib
#   scripts/check-compose-kafka.sh [port, default 29592; the controller takes port+1]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
LIB="$ROOT/local-stack/target/lib"
PORT=${1:-29592}
[ -d "$LIB" ] || { echo "no $LIB: run ./mvnw -B -o -pl local-stack -am package -DskipTests" >&2; exit 2; }
WORK=$(mktemp -d)
BROKER_PID=
# keeps the check's exit code: stopping the broker must not replace it
cleanup() {
  local rc=$?
  if [ -n "$BROKER_PID" ]; then kill "$BROKER_PID" 2>/dev/null || true; wait "$BROKER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT

echo '<configuration><root level="WARN"/></configuration>' > "$WORK/logback.xml"
JAVA=(java -Dlogback.configurationFile="$WORK/logback.xml" -cp "$LIB/*")
export CHECK_ADMIN_PASSWORD=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
sed -e "s#^controller.quorum.voters=.*#controller.quorum.voters=1@localhost:$((PORT + 1))#" \
    -e "s#^listeners=.*#listeners=INTERNAL://localhost:$PORT,CONTROLLER://localhost:$((PORT + 1))#" \
    -e "s#^advertised.listeners=.*#advertised.listeners=INTERNAL://localhost:$PORT#" \
    -e "s#^log.dirs=.*#log.dirs=$WORK/data#" "$ROOT/ops/kafka/server.properties" > "$WORK/server.properties"
echo "listener.name.internal.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"$CHECK_ADMIN_PASSWORD\";" >> "$WORK/server.properties"

# the logins as start.sh makes them; each service's password is "<name>-check" (a throwaway broker)
scram=(--add-scram "SCRAM-SHA-512=[name=admin,password=$CHECK_ADMIN_PASSWORD]")
for service in lead-service customer-service order-service reporting-service webhook-service web-app gateway; do
  scram+=(--add-scram "SCRAM-SHA-512=[name=$service,password=$service-check]")
done
"${JAVA[@]}" kafka.tools.StorageTool format --config "$WORK/server.properties" \
  --cluster-id "$("${JAVA[@]}" kafka.tools.StorageTool random-uuid)" "${scram[@]}" > "$WORK/format.log"
"${JAVA[@]}" -Xmx384m kafka.Kafka "$WORK/server.properties" > "$WORK/broker.log" 2>&1 &
BROKER_PID=$!
"${JAVA[@]}" "$ROOT/scripts/ComposeKafkaCheck.java" "localhost:$PORT" "$ROOT/ops/kafka"
