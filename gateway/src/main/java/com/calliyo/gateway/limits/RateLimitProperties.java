package com.calliyo.gateway.limits;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token buckets per caller: a bucket holds {@code burst} requests and refills {@code perMinute} a minute, evenly.
 * Kept in this gateway's memory by default; with {@code store: redis} in Redis, shared by every gateway instance
 * (connection from {@code spring.data.redis.*}).
 *
 * @param enabled    off only for load tests and benchmarks
 * @param store      {@code memory} (one gateway: each instance would enforce its own share) or {@code redis}
 * @param user       per signed-in user (JWT {@code sub}) or per public-API key
 * @param anonymous  per client IP, for the public calls (sign-up, login, key set)
 * @param webhookKey per inbound webhook key id, whoever posts to it
 * @param idleExpiry an in-memory bucket unused this long is dropped (it would be full again by then anyway)
 * @param redis      how the shared store is used
 */
@ConfigurationProperties("gateway.rate-limit")
public record RateLimitProperties(boolean enabled, Store store, Limit user, Limit anonymous, Limit webhookKey,
                                  Duration idleExpiry, Redis redis) {

    public RateLimitProperties {
        store = store == null ? Store.MEMORY : store;
        idleExpiry = idleExpiry == null ? Duration.ofMinutes(10) : idleExpiry;
        redis = redis == null ? new Redis(null, null, null) : redis;
    }

    public enum Store { MEMORY, REDIS }

    public record Limit(long burst, long perMinute) {
    }

    /**
     * @param timeout   a bucket answer slower than this is treated as a store failure (the request is decided by
     *                  this gateway's own buckets instead)
     * @param recheck   after a failure, how long this gateway uses its own buckets before asking Redis again
     * @param keyPrefix of every bucket's key, so the buckets can share a Redis with other data
     */
    public record Redis(Duration timeout, Duration recheck, String keyPrefix) {

        public Redis {
            timeout = timeout == null ? Duration.ofMillis(500) : timeout;
            recheck = recheck == null ? Duration.ofSeconds(5) : recheck;
            keyPrefix = keyPrefix == null ? "calliyo:rate-limit:" : keyPrefix;
        }
    }
}
