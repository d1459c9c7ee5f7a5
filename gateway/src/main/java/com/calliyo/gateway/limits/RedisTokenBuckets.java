package com.calliyo.gateway.limits;

import java.time.Duration;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Token buckets in Redis, one hash per caller, taken from by one Lua script ({@code ratelimit/token-bucket.lua}):
 * read, refill, take and write happen in one step, so two gateways never both spend the last token. Errors (Redis
 * unreachable, timeouts) are passed on; {@link FailOpenRateLimitStore} decides what they mean.
 */
class RedisTokenBuckets implements RateLimitStore {

    private static final RedisScript<Long> TAKE_ONE =
            RedisScript.of(new ClassPathResource("ratelimit/token-bucket.lua"), Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final String keyPrefix;

    RedisTokenBuckets(ReactiveStringRedisTemplate redis, String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
    }

    @Override
    public Mono<RateLimitDecision> tryConsume(String key, RateLimitProperties.Limit limit) {
        return redis.execute(TAKE_ONE, List.of(keyPrefix + key),
                        List.of(Long.toString(limit.burst()), Long.toString(limit.perMinute())))
                .next()
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("Redis gave no answer to the bucket script")))
                .map(waitMillis -> waitMillis == 0
                        ? RateLimitDecision.ALLOWED
                        : RateLimitDecision.refused(Duration.ofMillis(waitMillis)));
    }
}
