package com.calliyo.lead.assignment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a daily job is due: once per local date of the company, as soon as its local run time has passed. The run time
 * is resolved with {@link ZonedDateTime#of}, so a time that does not exist on a spring-forward day (02:30 in New York)
 * runs at the first instant after the gap (03:30), and a time that happens twice on a fall-back day counts from its
 * first occurrence; either way the job runs once that day.
 */
final class DailySchedule {

    private DailySchedule() {
    }

    /** Today's local date in {@code zone} if the run time has passed by {@code now}, else empty. */
    static Optional<LocalDate> dueDate(LocalTime runAt, ZoneId zone, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant due = ZonedDateTime.of(today, runAt, zone).toInstant();
        return now.isBefore(due) ? Optional.empty() : Optional.of(today);
    }

    /** Due and not yet run on that local date. */
    static Optional<LocalDate> pending(LocalTime runAt, ZoneId zone, Instant now, LocalDate lastRunDate) {
        return dueDate(runAt, zone, now).filter(today -> !today.equals(lastRunDate));
    }
}
