package com.calliyo.lead.idempotency;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes Idempotency-Keys older than {@code lead.idempotency.retention}. A scheduled delete rather than a TTL index
 * because the embedded MongoDB stand-in has no TTL indexes; it is scheduled by {@link IdempotencyConfig}.
 */
@Component
class IdempotencyKeyCleanup {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyCleanup.class);

    private final IdempotencyKeys keys;
    private final IdempotencyProperties properties;
    private final Clock clock;

    IdempotencyKeyCleanup(IdempotencyKeys keys, IdempotencyProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    long deleteExpired() {
        long deleted = keys.deleteCreatedBefore(clock.instant().minus(properties.retention()));
        if (deleted > 0) {
            log.info("Deleted {} Idempotency-Keys older than {}", deleted, properties.retention());
        }
        return deleted;
    }
}
