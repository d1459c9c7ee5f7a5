package com.calliyo.web.leads;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The "Schedule follow-up" form's times: its default, the next working day (Monday to Saturday, like lead-service's
 * {@code WorkingDays}) at 10:00 company time, and the {@code datetime-local} value read back in that timezone.
 */
final class FollowUpTimes {

    static final LocalTime DEFAULT_TIME = LocalTime.of(10, 0);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private FollowUpTimes() {
    }

    static String nextWorkingDayAtTen(Instant now, ZoneId zone) {
        var day = now.atZone(zone).toLocalDate().plusDays(1);
        if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return LOCAL.format(day.atTime(DEFAULT_TIME));
    }

    /** Empty when the value is not a date and time the form could have sent. */
    static java.util.Optional<Instant> parse(String value, ZoneId zone) {
        try {
            return java.util.Optional.of(LocalDateTime.parse(value == null ? "" : value.trim())
                    .atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }
}
