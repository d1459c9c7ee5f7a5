package com.calliyo.web.leads;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FollowUpTimesTest {

    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    @Test
    void shouldDefaultToTheNextDayAtTenInCompanyTime() {
        // Tuesday 20:00 UTC is already Wednesday 01:30 in Kolkata: the next working day there is Thursday.
        assertThat(FollowUpTimes.nextWorkingDayAtTen(Instant.parse("2026-12-08T20:00:00Z"), KOLKATA))
                .isEqualTo("2026-12-10T10:00");
    }

    @Test
    void shouldSkipSundayWhichIsNotAWorkingDay() {
        assertThat(FollowUpTimes.nextWorkingDayAtTen(Instant.parse("2026-12-12T06:00:00Z"), KOLKATA))
                .isEqualTo("2026-12-14T10:00");
    }

    @Test
    void shouldReadTheFormsValueInCompanyTime() {
        assertThat(FollowUpTimes.parse("2026-12-14T10:00", KOLKATA)).contains(Instant.parse("2026-12-14T04:30:00Z"));
        assertThat(FollowUpTimes.parse("tomorrow", KOLKATA)).isEmpty();
    }
}
