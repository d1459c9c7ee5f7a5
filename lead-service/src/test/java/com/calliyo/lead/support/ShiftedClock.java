package com.calliyo.lead.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The system clock moved by {@code shift}, for tests that let tokens expire, locks run out or a day end without
 * waiting; or pinned to one instant ({@code pinned}) when a test needs a known time of day.
 */
public final class ShiftedClock extends Clock {

    public volatile Duration shift = Duration.ZERO;
    public volatile Instant pinned;

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC only");
    }

    @Override
    public Instant instant() {
        Instant base = pinned;
        return (base == null ? Instant.now() : base).plus(shift);
    }

    /** {@code @Import(ShiftedClock.Installed.class)}: the service's clock is a {@link ShiftedClock} the test holds. */
    @TestConfiguration
    public static class Installed {

        @Bean
        @Primary
        ShiftedClock shiftedClock() {
            return new ShiftedClock();
        }
    }

    /** Back to the system clock. */
    public void reset() {
        shift = Duration.ZERO;
        pinned = null;
    }
}
