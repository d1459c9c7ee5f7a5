package com.calliyo.gateway.limits;

import java.time.Duration;

/**
 * The answer of a bucket: a token was taken, or none was left and the next one comes in {@code nextTokenIn}.
 *
 * @param allowed whether the request may go on
 * @param nextTokenIn until the bucket holds a token again; zero when allowed
 */
record RateLimitDecision(boolean allowed, Duration nextTokenIn) {

    static final RateLimitDecision ALLOWED = new RateLimitDecision(true, Duration.ZERO);

    static RateLimitDecision refused(Duration nextTokenIn) {
        return new RateLimitDecision(false, nextTokenIn);
    }

    /** {@code Retry-After}: whole seconds, rounded up, at least 1 (0 would invite an immediate retry). */
    long retryAfterSeconds() {
        return Math.max(1, (nextTokenIn.toNanos() + 999_999_999) / 1_000_000_000);
    }
}
