package com.calliyo.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The Lua token bucket on a real redis-server: the same burst and refill as the in-memory buckets, and atomic when
 * two clients (two gateways) take from one bucket at once.
 */
class RedisTokenBucketsTest {

    static final String PREFIX = "test:rate-limit:";
    static RedisServerProcess redis;

    LettuceConnectionFactory firstConnection;
    LettuceConnectionFactory secondConnection;
    ReactiveStringRedisTemplate template;
    RedisTokenBuckets buckets;
    String key;

    @BeforeAll
    static void startRedis() {
        assumeTrue(RedisServerProcess.binary().isPresent(), "redis-server not installed (apt-get install redis-server)");
        redis = RedisServerProcess.start();
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    @BeforeEach
    void connect() {
        firstConnection = connection();
        secondConnection = connection();
        template = new ReactiveStringRedisTemplate(firstConnection);
        buckets = new RedisTokenBuckets(template, PREFIX);
        key = "user:" + UUID.randomUUID();
    }

    @AfterEach
    void disconnect() {
        firstConnection.destroy();
        secondConnection.destroy();
    }

    @Test
    void shouldAllowTheBurstThenRefuseWithTheTimeUntilTheNextToken() {
        RateLimitProperties.Limit limit = new RateLimitProperties.Limit(3, 60);

        List<RateLimitDecision> decisions = take(buckets, limit, 4);

        assertThat(decisions.subList(0, 3)).allMatch(RateLimitDecision::allowed);
        RateLimitDecision refused = decisions.get(3);
        assertThat(refused.allowed()).isFalse();
        // 60 a minute: one token a second, and less than a second has passed since the bucket was full
        assertThat(refused.nextTokenIn()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void shouldRefillEvenlyButNeverAboveTheBurst() {
        RateLimitProperties.Limit limit = new RateLimitProperties.Limit(5, 60);
        assertThat(take(buckets, limit, 5)).allMatch(RateLimitDecision::allowed);

        movePastUpdateBack(Duration.ofMillis(2_100));
        assertThat(take(buckets, limit, 3)).extracting(RateLimitDecision::allowed).containsExactly(true, true, false);

        movePastUpdateBack(Duration.ofHours(1));
        assertThat(take(buckets, limit, 6)).extracting(RateLimitDecision::allowed)
                .containsExactly(true, true, true, true, true, false);
    }

    @Test
    void shouldKeepEachCallersBucketApartUnderTheConfiguredPrefixAndExpireItOnceFull() {
        RateLimitProperties.Limit limit = new RateLimitProperties.Limit(1, 60);
        assertThat(take(buckets, limit, 2)).extracting(RateLimitDecision::allowed).containsExactly(true, false);

        String otherKey = "user:" + UUID.randomUUID();
        assertThat(buckets.tryConsume(otherKey, limit).block().allowed()).isTrue();

        Duration ttl = template.getExpire(PREFIX + key).block();
        // empty bucket, one token a second: full again in 1 s, plus the 1 s margin
        assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void shouldHandOutExactlyTheBurstWhenTwoClientsTakeFromOneBucketAtOnce() {
        RedisTokenBuckets other = new RedisTokenBuckets(new ReactiveStringRedisTemplate(secondConnection), PREFIX);
        RateLimitProperties.Limit limit = new RateLimitProperties.Limit(20, 1);

        long allowed = Flux.range(0, 60)
                .flatMap(i -> (i % 2 == 0 ? buckets : other).tryConsume(key, limit).subscribeOn(Schedulers.parallel()),
                        16)
                .filter(RateLimitDecision::allowed)
                .count()
                .block();

        assertThat(allowed).isEqualTo(20);
    }

    private List<RateLimitDecision> take(RedisTokenBuckets from, RateLimitProperties.Limit limit, int times) {
        return IntStream.range(0, times).mapToObj(i -> from.tryConsume(key, limit).block()).toList();
    }

    /** As if the bucket had last been used that much earlier (instead of waiting for the refill). */
    private void movePastUpdateBack(Duration by) {
        String at = template.<String, String>opsForHash().get(PREFIX + key, "at").block();
        template.opsForHash().put(PREFIX + key, "at", Long.toString(Long.parseLong(at) - by.toMillis())).block();
    }

    private static LettuceConnectionFactory connection() {
        LettuceConnectionFactory factory =
                new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redis.port()));
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }
}
