#!/bin/sh
# The compose cluster's Redis (docker-compose.cluster.yml): only the gateways' shared rate-limit buckets. Written
# here, not on the command line, so the password shows in no process list. One login, "gateway", which may run the
# bucket script on the buckets' keys and nothing else; the default user is off (no unauthenticated access). Nothing
# is persisted: an empty store after a restart means full buckets, which is what an idle caller has anyway.
set -eu
: "${REDIS_PASSWORD_GATEWAY:?}"
umask 077
cat > /tmp/users.acl <<ACL
user default off resetpass -@all
user gateway on >$REDIS_PASSWORD_GATEWAY resetkeys ~calliyo:rate-limit:* resetchannels -@all +eval +evalsha +hmget +hset +pexpire +time +ping
ACL
cat > /tmp/redis.conf <<CONF
port 6379
aclfile /tmp/users.acl
save ""
appendonly no
# Every bucket has a TTL: under memory pressure the ones closest to being full again go first.
maxmemory 48mb
maxmemory-policy volatile-ttl
CONF
exec redis-server /tmp/redis.conf
