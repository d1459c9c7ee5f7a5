package com.calliyo.webhook.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

import com.calliyo.webhook.WebhookServiceProperties;
import com.calliyo.webhook.delivery.domain.Delivery;

/**
 * When to try again. 2xx is done; timeouts, connection errors, 408, 409, 429, 3xx (redirects are not followed, a
 * moved receiver may come back) and 5xx are retried; any other 4xx is final. The n-th retry waits the n-th step of
 * the schedule (the last step repeats), stretched or shrunk at random by up to the jitter share so that many failed
 * deliveries do not all come back at once; a {@code Retry-After} (seconds or an HTTP date) replaces that wait, capped.
 */
final class RetryPolicy {

    private static final Duration MIN_WAIT = Duration.ofSeconds(1);

    private final List<Duration> schedule;
    private final double jitter;
    private final Duration maxRetryAfter;
    private final DoubleSupplier random;

    RetryPolicy(WebhookServiceProperties.Delivery settings, DoubleSupplier random) {
        this.schedule = List.copyOf(settings.retrySchedule());
        this.jitter = settings.jitter();
        this.maxRetryAfter = settings.maxRetryAfter();
        this.random = random;
    }

    static boolean isSuccess(Integer status) {
        return status != null && status >= 200 && status < 300;
    }

    /** True unless the receiver answered with a 4xx that says retrying cannot help. */
    static boolean isRetryable(Integer status) {
        if (status == null) {
            return true;
        }
        if (status >= 400 && status < 500) {
            return status == 408 || status == 409 || status == 429;
        }
        return !isSuccess(status);
    }

    /** The wait after the {@code failedAttempts}-th failed attempt (1 for the first). */
    Duration wait(int failedAttempts, Optional<String> retryAfter, Instant now) {
        Optional<Duration> asked = retryAfter.flatMap(value -> parse(value, now));
        if (asked.isPresent()) {
            Duration wait = asked.get();
            return wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : wait;
        }
        Duration step = schedule.get(Math.min(Math.max(failedAttempts, 1), schedule.size()) - 1);
        double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(step.toMillis() * factor)));
    }

    private static Optional<Duration> parse(String value, Instant now) {
        String trimmed = value.trim();
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
