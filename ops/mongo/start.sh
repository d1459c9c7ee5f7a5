#!/bin/bash
# MongoDB with authentication as a replica set needs a key file (members authenticate to each other with it, and
# mongod refuses --replSet with authorization but without one). A single member only ever meets itself, so a fresh
# random key per start is enough; it never leaves the container. Then the image's own entrypoint runs as usual:
# on the first start it creates the root user and runs /docker-entrypoint-initdb.d (the services' users).
set -euo pipefail
KEY_FILE=/tmp/mongo-replica.key
head -c 756 /dev/urandom | base64 -w 0 > "$KEY_FILE"
chown mongodb:mongodb "$KEY_FILE"
chmod 400 "$KEY_FILE"
exec docker-entrypoint.sh "$@" --keyFile "$KEY_FILE"
