package com.calliyo.web.auth;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** lead-service ends a session whose rotated refresh token is sent again; two requests at once must share one. */
class TokenRefresherTest {

    static final Tokens FRESH = new Tokens("access-2", "Bearer", 900,
            new Tokens.SignedInUser("user-1", "Asha", "AGENT", "company-1"), "refresh-2", 2_592_000, "session-1");

    @Test
    void shouldRefreshOnceForConcurrentRequestsWithTheSameToken() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        AuthApi auth = new AuthApi(null) {
            @Override
            public Optional<Tokens> refresh(String refreshToken) {
                calls.incrementAndGet();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Optional.of(FRESH);
            }
        };
        TokenRefresher refresher = new TokenRefresher(auth);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Optional<Tokens>>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(pool.submit(() -> refresher.refresh("refresh-1")));
        }
        Thread.sleep(200);
        release.countDown();

        for (Future<Optional<Tokens>> result : results) {
            assertThat(result.get(5, TimeUnit.SECONDS)).contains(FRESH);
        }
        assertThat(calls).hasValue(1);
        // A request that left with the old cookie a moment later gets the same answer, not a second rotation.
        assertThat(refresher.refresh("refresh-1")).contains(FRESH);
        assertThat(calls).hasValue(1);
        pool.shutdown();
    }

    @Test
    void shouldAskAgainOnceTheReuseWindowHasPassed() {
        AtomicInteger calls = new AtomicInteger();
        AuthApi auth = new AuthApi(null) {
            @Override
            public Optional<Tokens> refresh(String refreshToken) {
                calls.incrementAndGet();
                return Optional.of(FRESH);
            }
        };
        MovableClock clock = new MovableClock(Instant.parse("2026-12-07T10:00:00Z"));
        TokenRefresher refresher = new TokenRefresher(auth, clock);

        refresher.refresh("refresh-1");
        clock.now = clock.now.plus(TokenRefresher.REUSE_WINDOW).plusSeconds(1);
        refresher.refresh("refresh-1");

        assertThat(calls).hasValue(2);
    }

    static final class MovableClock extends Clock {

        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
