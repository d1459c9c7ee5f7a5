package com.calliyo.lead.assignment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DailyScheduleTest {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void shouldRunAtTheLocalTimeInKolkata() {
        LocalTime nine = LocalTime.of(9, 0);

        assertThat(DailySchedule.dueDate(nine, KOLKATA, Instant.parse("2026-05-11T03:29:59Z"))).isEmpty();
        assertThat(DailySchedule.dueDate(nine, KOLKATA, Instant.parse("2026-05-11T03:30:00Z")))
                .contains(LocalDate.of(2026, 5, 11));
    }

    @Test
    void shouldUseTheCompanysLocalDateNotUtcs() {
        // 20:00 UTC on the 11th is already 01:30 on the 12th in Kolkata
        assertThat(DailySchedule.dueDate(LocalTime.of(1, 0), KOLKATA, Instant.parse("2026-05-11T20:00:00Z")))
                .contains(LocalDate.of(2026, 5, 12));
        assertThat(DailySchedule.dueDate(LocalTime.of(9, 0), KOLKATA, Instant.parse("2026-05-11T20:00:00Z")))
                .isEmpty();
    }

    @Test
    void shouldRunOncePerLocalDate() {
        LocalDate today = LocalDate.of(2026, 5, 11);
        Instant later = Instant.parse("2026-05-11T12:00:00Z");

        assertThat(DailySchedule.pending(LocalTime.of(9, 0), KOLKATA, later, today)).isEmpty();
        assertThat(DailySchedule.pending(LocalTime.of(9, 0), KOLKATA, later, today.minusDays(1))).contains(today);
    }

    @Test
    void shouldFollowDaylightSavingInNewYork() {
        LocalTime nine = LocalTime.of(9, 0);
        // EST (UTC-5) before 8 March 2026, EDT (UTC-4) after
        assertThat(DailySchedule.dueDate(nine, NEW_YORK, Instant.parse("2026-03-06T13:59:00Z"))).isEmpty();
        assertThat(DailySchedule.dueDate(nine, NEW_YORK, Instant.parse("2026-03-06T14:00:00Z"))).isPresent();
        assertThat(DailySchedule.dueDate(nine, NEW_YORK, Instant.parse("2026-03-09T12:59:00Z"))).isEmpty();
        assertThat(DailySchedule.dueDate(nine, NEW_YORK, Instant.parse("2026-03-09T13:00:00Z"))).isPresent();
    }

    @Test
    void shouldRunATimeInTheSpringForwardGapRightAfterTheGap() {
        // 8 March 2026: 02:00 EST jumps to 03:00 EDT, so 02:30 does not exist; it runs at 03:00 EDT = 07:00Z
        LocalTime halfPastTwo = LocalTime.of(2, 30);
        LocalDate day = LocalDate.of(2026, 3, 8);

        assertThat(DailySchedule.dueDate(halfPastTwo, NEW_YORK, Instant.parse("2026-03-08T07:29:59Z"))).isEmpty();
        assertThat(DailySchedule.dueDate(halfPastTwo, NEW_YORK, Instant.parse("2026-03-08T07:30:00Z")))
                .contains(day);
    }

    @Test
    void shouldRunATimeThatHappensTwiceOnlyOnceOnFallBackDay() {
        // 25 October 2026 in London: 01:30 happens at 00:30Z (BST) and again at 01:30Z (GMT)
        LocalTime halfPastOne = LocalTime.of(1, 30);
        LocalDate day = LocalDate.of(2026, 10, 25);

        assertThat(DailySchedule.dueDate(halfPastOne, LONDON, Instant.parse("2026-10-25T00:29:00Z"))).isEmpty();
        assertThat(DailySchedule.pending(halfPastOne, LONDON, Instant.parse("2026-10-25T00:30:00Z"), null))
                .contains(day);
        assertThat(DailySchedule.pending(halfPastOne, LONDON, Instant.parse("2026-10-25T01:30:00Z"), day)).isEmpty();
    }
}
