#!/bin/bash
# Starts the compose broker with SASL/SCRAM-SHA-512. On the first start (no meta.properties yet) it formats the
# storage and creates every SCRAM login there (`kafka-storage format --add-scram`), so that the broker's own
# inter-broker login exists before the broker takes its first connection. Later starts keep the stored logins:
# change a password with kafka-configs --alter --add-config 'SCRAM-SHA-512=[password=...]' as user admin.
set -euo pipefail

: "${KAFKA_ADMIN_PASSWORD:?}"
CONFIG=/tmp/server.properties
ADMIN_CLIENT=/tmp/admin-client.properties
DATA=/var/lib/kafka/data

jaas() {
  printf 'org.apache.kafka.common.security.scram.ScramLoginModule required username="%s" password="%s";' "$1" "$2"
}

umask 077
cp /etc/calliyo/kafka/server.properties "$CONFIG"
echo "listener.name.internal.scram-sha-512.sasl.jaas.config=$(jaas admin "$KAFKA_ADMIN_PASSWORD")" >> "$CONFIG"
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
  /opt/kafka/bin/kafka-storage.sh format --config "$CONFIG" \
    --cluster-id "$(/opt/kafka/bin/kafka-storage.sh random-uuid)" "${scram[@]}"
fi

exec /opt/kafka/bin/kafka-server-start.sh "$CONFIG"
