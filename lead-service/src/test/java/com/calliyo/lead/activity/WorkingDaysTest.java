package com.calliyo.lead.activity;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingDaysTest {

    @ParameterizedTest(name = "{0} at {1} → {2}")
    @CsvSource({
            // Monday 09:00 IST (before 10:00) and 11:30 IST (after): both the next day, Tuesday 10:00 IST
            "Asia/Kolkata, 2026-05-11T03:30:00Z, 2026-05-12T04:30:00Z",
            "Asia/Kolkata, 2026-05-11T06:00:00Z, 2026-05-12T04:30:00Z",
            // Friday → Saturday is a working day
            "Asia/Kolkata, 2026-05-15T06:00:00Z, 2026-05-16T04:30:00Z",
            // Saturday → Monday (Sunday is not a working day)
            "Asia/Kolkata, 2026-05-16T12:00:00Z, 2026-05-18T04:30:00Z",
            // Friday 20:00 UTC is already Saturday 01:30 in Kolkata → Monday
            "Asia/Kolkata, 2026-05-15T20:00:00Z, 2026-05-18T04:30:00Z",
            // Sunday → Monday
            "Asia/Kolkata, 2026-05-17T06:00:00Z, 2026-05-18T04:30:00Z",
            // New York, DST starts Sunday 8 March 2026: Friday (EST) → Saturday 10:00 EST
            "America/New_York, 2026-03-06T15:00:00Z, 2026-03-07T15:00:00Z",
            // Saturday (EST) → Monday 10:00 EDT, one hour earlier in UTC
            "America/New_York, 2026-03-07T15:00:00Z, 2026-03-09T14:00:00Z",
            // Saturday evening 23:30 EST is Sunday in UTC; still → Monday 10:00 EDT
            "America/New_York, 2026-03-08T04:30:00Z, 2026-03-09T14:00:00Z",
            // New York, DST ends Sunday 1 November 2026: Saturday (EDT) → Monday 10:00 EST
            "America/New_York, 2026-10-31T14:00:00Z, 2026-11-02T15:00:00Z",
            // London, BST starts Sunday 29 March 2026: Saturday (GMT) → Monday 10:00 BST
            "Europe/London, 2026-03-28T12:00:00Z, 2026-03-30T09:00:00Z",
            // London, BST ends Sunday 25 October 2026: Saturday (BST) → Monday 10:00 GMT
            "Europe/London, 2026-10-24T08:00:00Z, 2026-10-26T10:00:00Z",
            // London just after midnight on Sunday (BST), 23:30 Saturday UTC → Monday
            "Europe/London, 2026-10-24T23:30:00Z, 2026-10-26T10:00:00Z"
    })
    void shouldDefaultToTheNextWorkingDayAtTenInTheCompanyZone(String zone, Instant now, Instant expected) {
        assertThat(WorkingDays.defaultFollowUpAt(now, ZoneId.of(zone))).isEqualTo(expected);
    }
}
