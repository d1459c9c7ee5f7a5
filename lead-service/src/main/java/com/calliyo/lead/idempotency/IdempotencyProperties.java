package com.calliyo.lead.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long Idempotency-Keys are kept ({@code retention}; the embedded store has no TTL indexes, so a scheduled delete
 * runs every {@code cleanupInterval}), and after how long a request still marked in progress counts as abandoned (its
 * instance died) so that a retry may run it again.
 */
@ConfigurationProperties("lead.idempotency")
public record IdempotencyProperties(Duration retention, Duration cleanupInterval, Duration abandonedAfter) {

    public IdempotencyProperties {
        retention = retention == null ? Duration.ofDays(7) : retention;
        cleanupInterval = cleanupInterval == null ? Duration.ofHours(1) : cleanupInterval;
        abandonedAfter = abandonedAfter == null ? Duration.ofMinutes(10) : abandonedAfter;
    }
}
