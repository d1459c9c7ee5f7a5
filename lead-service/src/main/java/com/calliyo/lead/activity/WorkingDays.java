package com.calliyo.lead.activity;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a follow-up is due if nobody says: the next working day at 10:00 in the company's timezone (spec F2). Working
 * days are Monday to Saturday (the Indian telecalling week); "next" is always a later day, also when it is still
 * before 10:00 today, because a callback set during a call is for another day.
 */
public final class WorkingDays {

    static final LocalTime DEFAULT_FOLLOW_UP_TIME = LocalTime.of(10, 0);

    private WorkingDays() {
    }

    public static Instant defaultFollowUpAt(Instant now, ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(now, zone).plusDays(1);
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        // ZonedDateTime moves a time that a DST switch skips forward, so the answer is always a real instant.
        return ZonedDateTime.of(day, DEFAULT_FOLLOW_UP_TIME, zone).toInstant();
    }

    public static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
