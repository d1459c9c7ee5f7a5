package com.calliyo.gateway.limits;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token buckets per caller, kept in this gateway's memory (no Redis): a bucket holds {@code burst} requests and
 * refills {@code perMinute} a minute, evenly. Several gateway instances each keep their own buckets, so the
 * effective limit is per instance.
 *
 * @param enabled    off only for load tests and benchmarks
 * @param user       per signed-in user (JWT {@code sub}) or per public-API key
 * @param anonymous  per client IP, for the public calls (sign-up, login, key set)
 * @param webhookKey per inbound webhook key id, whoever posts to it
 * @param idleExpiry a bucket unused this long is dropped (it would be full again by then anyway)
 */
@ConfigurationProperties("gateway.rate-limit")
public record RateLimitProperties(boolean enabled, Limit user, Limit anonymous, Limit webhookKey,
                                  Duration idleExpiry) {

    public RateLimitProperties {
        idleExpiry = idleExpiry == null ? Duration.ofMinutes(10) : idleExpiry;
    }

    public record Limit(long burst, long perMinute) {
    }
}
