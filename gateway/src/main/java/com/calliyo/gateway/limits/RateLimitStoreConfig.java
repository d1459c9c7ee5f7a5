package com.calliyo.gateway.limits;

import io.lettuce.core.ClientOptions;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Picks where the buckets live from {@code gateway.rate-limit.store}: in memory unless it says {@code redis}.
 * Redis's auto-configured client connects lazily, so the in-memory gateway never opens a Redis connection.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitStoreConfig {

    @Bean
    @ConditionalOnProperty(name = "gateway.rate-limit.store", havingValue = "memory", matchIfMissing = true)
    RateLimitStore inMemoryRateLimitStore(RateLimitProperties properties) {
        return new InMemoryRateLimitStore(properties.idleExpiry());
    }

    @Bean
    @ConditionalOnProperty(name = "gateway.rate-limit.store", havingValue = "redis")
    RateLimitStore sharedRateLimitStore(RateLimitProperties properties, ReactiveStringRedisTemplate redis,
                                        MeterRegistry meters) {
        RateLimitProperties.Redis settings = properties.redis();
        return new FailOpenRateLimitStore(new RedisTokenBuckets(redis, settings.keyPrefix()),
                new InMemoryRateLimitStore(properties.idleExpiry()), settings.timeout(), settings.recheck(), meters,
                System::nanoTime);
    }

    /**
     * Opens the Redis connection once the gateway is up, without waiting for it: otherwise the first rate-limited
     * request pays for the connection and, on a busy machine, runs into the timeout and is decided locally.
     */
    @Bean
    @ConditionalOnProperty(name = "gateway.rate-limit.store", havingValue = "redis")
    ApplicationListener<ApplicationReadyEvent> connectRateLimitStoreEarly(ReactiveStringRedisTemplate redis) {
        return ready -> redis.execute(connection -> connection.ping())
                .subscribe(pong -> { }, unreachable -> { /* FailOpenRateLimitStore reports it on first use */ });
    }

    /**
     * While Redis is unreachable Lettuce would queue commands until it reconnects (its default); a bucket taken
     * from a queue minutes later would spend a token nobody asked for. Refused at once instead: the limiter falls
     * back to this gateway's buckets without waiting for its timeout.
     */
    @Bean
    @ConditionalOnProperty(name = "gateway.rate-limit.store", havingValue = "redis")
    LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }
}
