package com.calliyo.lead.lead.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FollowUpTest {

    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId UTC = ZoneId.of("UTC");

    private static FollowUp at(String instant) {
        return FollowUp.scheduled("lead-1", Instant.parse(instant), null, "u1", "u1",
                Instant.parse("2026-05-01T00:00:00Z"), null);
    }

    @Test
    void shouldCountDaysAtTheCompanyZonesMidnight() {
        FollowUp lastMinuteOfMonday = at("2026-05-11T18:29:00Z"); // 23:59 IST Monday, 18:29 UTC Monday
        FollowUp firstMinuteOfTuesday = at("2026-05-11T18:30:00Z"); // 00:00 IST Tuesday, still Monday in UTC
        LocalDate monday = LocalDate.parse("2026-05-11");
        LocalDate tuesday = monday.plusDays(1);

        assertThat(lastMinuteOfMonday.isDueToday(monday, KOLKATA)).isTrue();
        assertThat(lastMinuteOfMonday.isOverdue(monday, KOLKATA)).isFalse();
        assertThat(lastMinuteOfMonday.isOverdue(tuesday, KOLKATA)).isTrue();
        assertThat(lastMinuteOfMonday.isDueToday(tuesday, KOLKATA)).isFalse();

        assertThat(firstMinuteOfTuesday.isDueToday(monday, KOLKATA)).isFalse();
        assertThat(firstMinuteOfTuesday.isOverdue(monday, KOLKATA)).isFalse();
        assertThat(firstMinuteOfTuesday.isDueToday(tuesday, KOLKATA)).isTrue();

        assertThat(firstMinuteOfTuesday.isDueToday(monday, UTC)).isTrue();
        assertThat(firstMinuteOfTuesday.isOverdue(tuesday, UTC)).isTrue();
    }

    @Test
    void shouldCountTheDayAcrossADaylightSavingSwitch() {
        // 23:30 on Saturday 31 October 2026 in New York (EDT, UTC-4) is Sunday 03:30 UTC
        FollowUp saturdayNight = at("2026-11-01T03:30:00Z");

        assertThat(saturdayNight.day(NEW_YORK)).isEqualTo(LocalDate.parse("2026-10-31"));
        assertThat(saturdayNight.isOverdue(LocalDate.parse("2026-11-01"), NEW_YORK)).isTrue();
        assertThat(saturdayNight.isDueToday(LocalDate.parse("2026-10-31"), NEW_YORK)).isTrue();
    }

    @Test
    void shouldNeverBeDueOrOverdueOnceResolved() {
        FollowUp resolved = at("2026-05-11T05:00:00Z").resolved("u1", Instant.parse("2026-05-11T06:00:00Z"));
        LocalDate monday = LocalDate.parse("2026-05-11");

        assertThat(resolved.isOpen()).isFalse();
        assertThat(resolved.isDueToday(monday, KOLKATA)).isFalse();
        assertThat(resolved.isOverdue(monday.plusDays(3), KOLKATA)).isFalse();
    }
}
