#!/bin/bash
# Starts one node of the compose cluster (docker-compose.cluster.yml), KAFKA_NODE_ID 1, 2 or 3, reachable as
# kafka-<id>. As ops/kafka/start.sh does for the single node: on the first start (no meta.properties yet) the
# storage is formatted with every SCRAM login, so the brokers' own login exists before their first connection. The
# three nodes share KAFKA_CLUSTER_ID (from .env): a node formatted with another id would not join.
set -euo pipefail

: "${KAFKA_NODE_ID:?}" "${KAFKA_CLUSTER_ID:?}" "${KAFKA_ADMIN_PASSWORD:?}" "${KAFKA_CONTROLLER_PASSWORD:?}"
CONFIG=/tmp/server.properties
ADMIN_CLIENT=/tmp/admin-client.properties
DATA=/var/lib/kafka/data

jaas() {
  printf 'org.apache.kafka.common.security.scram.ScramLoginModule required username="%s" password="%s";' "$1" "$2"
}

umask 077
cp /etc/calliyo/kafka/cluster/server.properties "$CONFIG"
{
  echo "node.id=$KAFKA_NODE_ID"
  echo "advertised.listeners=INTERNAL://kafka-$KAFKA_NODE_ID:9092"
  echo "listener.name.internal.scram-sha-512.sasl.jaas.config=$(jaas admin "$KAFKA_ADMIN_PASSWORD")"
  # the controllers' login: checked by the listener (user_controller) and used by this node to reach the others
  printf 'listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="controller" password="%s" user_controller="%s";\n' \
    "$KAFKA_CONTROLLER_PASSWORD" "$KAFKA_CONTROLLER_PASSWORD"
} >> "$CONFIG"
# the healthcheck's and the operator's client settings (kafka-topics, kafka-acls ... --command-config)
{
  echo "security.protocol=SASL_PLAINTEXT"
  echo "sasl.mechanism=SCRAM-SHA-512"
  echo "sasl.jaas.config=$(jaas admin "$KAFKA_ADMIN_PASSWORD")"
} > "$ADMIN_CLIENT"

if [ ! -f "$DATA/meta.properties" ]; then
  scram=(--add-scram "SCRAM-SHA-512=[name=admin,password=$KAFKA_ADMIN_PASSWORD]")
  # one login per service: KAFKA_PASSWORD_<SERVICE> (lead-service → KAFKA_PASSWORD_LEAD_SERVICE)
  for service in lead-service customer-service order-service reporting-service webhook-service web-app gateway; do
    variable="KAFKA_PASSWORD_$(echo "$service" | tr 'a-z-' 'A-Z_')"
    password="${!variable:?$variable is not set}"
    scram+=(--add-scram "SCRAM-SHA-512=[name=$service,password=$password]")
  done
  /opt/kafka/bin/kafka-storage.sh format --config "$CONFIG" --cluster-id "$KAFKA_CLUSTER_ID" "${scram[@]}"
fi

exec /opt/kafka/bin/kafka-server-start.sh "$CONFIG"
