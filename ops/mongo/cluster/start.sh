#!/bin/bash
# One member of the compose cluster's replica set (docker-compose.cluster.yml). The members authenticate to each
# other with a shared key file, so unlike the single node (ops/mongo/start.sh, a fresh random key per start) the
# key comes from .env (MONGO_REPLICA_SET_KEY) and is the same on all three. Then the image's own entrypoint runs:
# on mongo-1's first start it creates the root user; mongo-init (ops/mongo/cluster/init-replica-set.js) does the rest.
set -euo pipefail
: "${MONGO_REPLICA_SET_KEY:?}"
KEY_FILE=/tmp/mongo-replica.key
umask 077
printf '%s' "$MONGO_REPLICA_SET_KEY" > "$KEY_FILE"
chown mongodb:mongodb "$KEY_FILE"
chmod 400 "$KEY_FILE"
exec docker-entrypoint.sh "$@" --keyFile "$KEY_FILE"
