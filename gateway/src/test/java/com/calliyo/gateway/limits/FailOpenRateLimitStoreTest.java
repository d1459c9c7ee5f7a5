package com.calliyo.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Redis failing or silent: requests are decided by the gateway's own buckets (fail-open, still limited). */
class FailOpenRateLimitStoreTest {

    static final RateLimitProperties.Limit TWO = new RateLimitProperties.Limit(2, 1);
    static final Duration RECHECK = Duration.ofSeconds(5);

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final AtomicLong now = new AtomicLong(1_000_000);
    final AtomicInteger sharedCalls = new AtomicInteger();

    @Test
    void shouldUseTheSharedStoreWhileItAnswers() {
        FailOpenRateLimitStore store = store((key, limit) -> {
            sharedCalls.incrementAndGet();
            return Mono.just(RateLimitDecision.refused(Duration.ofSeconds(7)));
        });

        RateLimitDecision decision = store.tryConsume("user:a", TWO).block();

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.retryAfterSeconds()).isEqualTo(7);
        assertThat(sharedCalls).hasValue(1);
        assertThat(fallbacks()).isZero();
        assertThat(shared()).isEqualTo(1);
    }

    @Test
    void shouldFallBackToItsOwnBucketsWhenTheSharedStoreFailsAndStillLimit() {
        FailOpenRateLimitStore store = store((key, limit) -> {
            sharedCalls.incrementAndGet();
            return Mono.error(new IllegalStateException("Connection refused"));
        });

        assertThat(store.tryConsume("user:a", TWO).block().allowed()).isTrue();
        assertThat(store.tryConsume("user:a", TWO).block().allowed()).isTrue();
        assertThat(store.tryConsume("user:a", TWO).block().allowed()).isFalse();

        assertThat(fallbacks()).isEqualTo(3);
        assertThat(shared()).isZero();
        // asked once, then left alone until the recheck
        assertThat(sharedCalls).hasValue(1);
    }

    @Test
    void shouldFallBackWhenTheSharedStoreDoesNotAnswerInTime() {
        FailOpenRateLimitStore store = store((key, limit) -> Mono.never());

        RateLimitDecision decision = store.tryConsume("user:a", TWO).block(Duration.ofSeconds(10));

        assertThat(decision.allowed()).isTrue();
        assertThat(fallbacks()).isEqualTo(1);
        assertThat(shared()).isZero();
    }

    @Test
    void shouldAskTheSharedStoreAgainAfterTheRecheckAndReturnToItWhenItAnswers() {
        AtomicInteger failuresLeft = new AtomicInteger(1);
        FailOpenRateLimitStore store = store((key, limit) -> {
            sharedCalls.incrementAndGet();
            return failuresLeft.getAndDecrement() > 0
                    ? Mono.error(new IllegalStateException("Connection refused"))
                    : Mono.just(RateLimitDecision.ALLOWED);
        });
        store.tryConsume("user:a", TWO).block();

        now.addAndGet(RECHECK.toNanos() - 1);
        store.tryConsume("user:a", TWO).block();
        assertThat(sharedCalls).hasValue(1);

        now.addAndGet(1);
        store.tryConsume("user:a", TWO).block();
        assertThat(sharedCalls).hasValue(2);
        assertThat(shared()).isEqualTo(1);
        assertThat(fallbacks()).isEqualTo(2);
    }

    private FailOpenRateLimitStore store(RateLimitStore shared) {
        return new FailOpenRateLimitStore(shared, new InMemoryRateLimitStore(Duration.ofMinutes(10)),
                Duration.ofMillis(100), RECHECK, meters, now::get);
    }

    private double fallbacks() {
        return meters.get(FailOpenRateLimitStore.FALLBACKS).counter().count();
    }

    private double shared() {
        return meters.get(FailOpenRateLimitStore.SHARED).gauge().value();
    }
}
