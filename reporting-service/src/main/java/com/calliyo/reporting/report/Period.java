package com.calliyo.reporting.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * {@code from}..{@code to}, local dates in the company's timezone, both inclusive; either may be open (null). An
 * instant is inside when {@code from 00:00 <= t < (to + 1 day) 00:00} in that zone.
 */
public record Period(LocalDate from, LocalDate to) {

    public static final Period ALL_TIME = new Period(null, null);

    /** The same period as a half-open instant range in {@code zone}. */
    public Window in(ZoneId zone) {
        return new Window(from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** {@code [start, end)}; a null bound is open. A null instant is never inside. */
    public record Window(Instant start, Instant end) {

        public boolean contains(Instant instant) {
            return instant != null
                    && (start == null || !instant.isBefore(start))
                    && (end == null || instant.isBefore(end));
        }
    }
}
