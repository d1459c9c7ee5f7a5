package com.calliyo.web.api;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SameKeyRetryTest {

    private static ApiException conflict(String title) {
        return new ApiException(new ApiProblem(409, title, "detail", Map.of(), Map.of()));
    }

    @Test
    void shouldWaitForTheFirstRequestWithTheSameKeyAndReturnItsAnswer() {
        AtomicInteger calls = new AtomicInteger();
        String answer = SameKeyRetry.call(() -> {
            if (calls.incrementAndGet() < 3) {
                throw conflict(SameKeyRetry.IN_PROGRESS);
            }
            return "lead-1";
        }, Duration.ofSeconds(5));

        assertThat(answer).isEqualTo("lead-1");
        assertThat(calls).hasValue(3);
    }

    @Test
    void shouldPassOnAnyOtherRefusalAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> SameKeyRetry.call(() -> {
            calls.incrementAndGet();
            throw conflict("Duplicate phone");
        }, Duration.ofSeconds(5))).isInstanceOf(ApiException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void shouldGiveUpWhenTheFirstRequestDoesNotFinishInTime() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> SameKeyRetry.call(() -> {
            calls.incrementAndGet();
            throw conflict(SameKeyRetry.IN_PROGRESS);
        }, Duration.ofMillis(250))).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).problem().title()).isEqualTo(SameKeyRetry.IN_PROGRESS));
        assertThat(calls.get()).isBetween(2, 10);
    }
}
