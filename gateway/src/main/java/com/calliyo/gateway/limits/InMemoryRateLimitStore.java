package com.calliyo.gateway.limits;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

/**
 * Bucket4j token buckets in this JVM (a Caffeine map; idle buckets dropped after {@code idleExpiry}, by when they
 * would be full again anyway). Enough for one gateway; with several, each enforces its own share.
 */
class InMemoryRateLimitStore implements RateLimitStore {

    private final Cache<String, Bucket> buckets;

    InMemoryRateLimitStore(Duration idleExpiry) {
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(idleExpiry)
                .maximumSize(200_000)
                .build();
    }

    @Override
    public Mono<RateLimitDecision> tryConsume(String key, RateLimitProperties.Limit limit) {
        ConsumptionProbe probe = buckets.get(key, ignored -> newBucket(limit)).tryConsumeAndReturnRemaining(1);
        return Mono.just(probe.isConsumed()
                ? RateLimitDecision.ALLOWED
                : RateLimitDecision.refused(Duration.ofNanos(probe.getNanosToWaitForRefill())));
    }

    private static Bucket newBucket(RateLimitProperties.Limit limit) {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.burst())
                        .refillGreedy(limit.perMinute(), Duration.ofMinutes(1)))
                .build();
    }
}
