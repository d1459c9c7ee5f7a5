package com.calliyo.webhook.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.calliyo.webhook.WebhookServiceProperties;
import com.calliyo.webhook.delivery.domain.Delivery;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-05-11T03:30:00Z");
    private static final List<Duration> SCHEDULE = List.of(Duration.ofSeconds(5), Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(3),
            Duration.ofHours(6));

    private static RetryPolicy policy(double random) {
        return new RetryPolicy(new WebhookServiceProperties.Delivery(SCHEDULE, 0.2, Duration.ofHours(6),
                Duration.ofDays(3), Duration.ofSeconds(5), 4096, Duration.ofMillis(250), Duration.ofSeconds(30), 16, 8,
                Duration.ofDays(30), Duration.ofHours(24)), () -> random);
    }

    @ParameterizedTest
    @CsvSource({"1, PT5S", "2, PT30S", "3, PT2M", "4, PT10M", "5, PT1H", "6, PT3H", "7, PT6H", "8, PT6H", "30, PT6H"})
    void shouldFollowTheScheduleAndRepeatItsLastStep(int failedAttempts, Duration expected) {
        assertThat(policy(0.5).wait(failedAttempts, Optional.empty(), NOW)).isEqualTo(expected);
    }

    @Test
    void shouldStretchOrShrinkEachWaitByAtMostTheJitter() {
        assertThat(policy(0.0).wait(2, Optional.empty(), NOW)).isEqualTo(Duration.ofSeconds(24));
        assertThat(policy(0.999_999).wait(2, Optional.empty(), NOW)).isBetween(Duration.ofMillis(35_999),
                Duration.ofSeconds(36));
    }

    @Test
    void shouldHonourRetryAfterInSecondsOrAsADateCappedAtSixHours() {
        assertThat(policy(0.5).wait(1, Optional.of("120"), NOW)).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy(0.5).wait(1, Optional.of("Mon, 11 May 2026 03:45:00 GMT"), NOW))
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(policy(0.5).wait(1, Optional.of("86400"), NOW)).isEqualTo(Duration.ofHours(6));
        assertThat(policy(0.5).wait(1, Optional.of("0"), NOW)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy(0.5).wait(1, Optional.of("soon"), NOW)).isEqualTo(Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 409, 429, 500, 502, 503, 504, 301, 302})
    void shouldRetryTimeoutsConflictsRateLimitsRedirectsAndServerErrors(int status) {
        assertThat(RetryPolicy.isRetryable(status)).isTrue();
        assertThat(RetryPolicy.isSuccess(status)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 410, 413, 422})
    void shouldGiveUpOnOtherClientErrors(int status) {
        assertThat(RetryPolicy.isRetryable(status)).isFalse();
    }

    @Test
    void shouldRetryWhenThereWasNoAnswerAndSucceedOnAny2xx() {
        assertThat(RetryPolicy.isRetryable(null)).isTrue();
        assertThat(RetryPolicy.isSuccess(200)).isTrue();
        assertThat(RetryPolicy.isSuccess(204)).isTrue();
    }
}
