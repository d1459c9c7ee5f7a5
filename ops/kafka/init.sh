#!/bin/bash
# One-shot (compose service kafka-init): creates the topics of ops/kafka/topics.conf and grants the ACLs of
# ops/kafka/acls.conf, as user admin. Both steps are idempotent, so it runs on every `docker compose up`.
# The cluster file (docker-compose.cluster.yml) sets the three brokers, replication factor 3 and min ISR 2; the
# single node keeps the defaults.
set -euo pipefail

: "${KAFKA_ADMIN_PASSWORD:?}"
BOOTSTRAP=${KAFKA_INIT_BOOTSTRAP_SERVERS:-kafka:9092}
REPLICATION_FACTOR=${KAFKA_INIT_REPLICATION_FACTOR:-1}
MIN_INSYNC_REPLICAS=${KAFKA_INIT_MIN_INSYNC_REPLICAS:-1}
ADMIN_CLIENT=/tmp/admin-client.properties
umask 077
{
  echo "security.protocol=SASL_PLAINTEXT"
  echo "sasl.mechanism=SCRAM-SHA-512"
  printf 'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="%s";\n' \
    "$KAFKA_ADMIN_PASSWORD"
} > "$ADMIN_CLIENT"

grep -v '^\s*\(#\|$\)' /etc/calliyo/kafka/topics.conf | while read -r topic partitions; do
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CLIENT" \
    --create --if-not-exists --topic "$topic" --partitions "$partitions" \
    --replication-factor "$REPLICATION_FACTOR" --config "min.insync.replicas=$MIN_INSYNC_REPLICAS"
done

grep -v '^\s*\(#\|$\)' /etc/calliyo/kafka/acls.conf | while read -r principal operation resource pattern name; do
  /opt/kafka/bin/kafka-acls.sh --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CLIENT" --add \
    --allow-principal "User:$principal" --operation "$operation" "--$resource" "$name" \
    --resource-pattern-type "$pattern"
done
echo "topics and ACLs in place"
