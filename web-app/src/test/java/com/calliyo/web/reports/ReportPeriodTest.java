package com.calliyo.web.reports;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportPeriodTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @Test
    void shouldTurnEachPresetIntoDaysOfTheCompanysCalendar() {
        assertThat(ReportPeriod.of("today", null, null, TODAY))
                .isEqualTo(new ReportPeriod(ReportPeriod.Preset.TODAY, TODAY, TODAY));
        assertThat(ReportPeriod.of("yesterday", null, null, TODAY)).extracting(ReportPeriod::from, ReportPeriod::to)
                .containsExactly(LocalDate.of(2026, 12, 6), LocalDate.of(2026, 12, 6));
        assertThat(ReportPeriod.of("last-7-days", null, null, TODAY)).extracting(ReportPeriod::from, ReportPeriod::to)
                .containsExactly(LocalDate.of(2026, 12, 1), TODAY);
        assertThat(ReportPeriod.of("this-month", null, null, TODAY)).extracting(ReportPeriod::from, ReportPeriod::to)
                .containsExactly(LocalDate.of(2026, 12, 1), TODAY);
    }

    @Test
    void shouldStartOnThisMonthAndTakeGivenDaysAsACustomRange() {
        assertThat(ReportPeriod.of(null, null, null, TODAY).preset()).isEqualTo(ReportPeriod.Preset.THIS_MONTH);
        assertThat(ReportPeriod.of("custom", LocalDate.of(2026, 1, 1), null, TODAY))
                .isEqualTo(new ReportPeriod(ReportPeriod.Preset.CUSTOM, LocalDate.of(2026, 1, 1), null));
        assertThat(ReportPeriod.of("no-such-preset", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), TODAY)
                .preset()).isEqualTo(ReportPeriod.Preset.CUSTOM);
        assertThat(ReportPeriod.of("custom", null, null, TODAY))
                .as("an empty custom range is all time").extracting(ReportPeriod::from).isNull();
    }

    @Test
    void shouldLetAPresetWinOverStrayDays() {
        assertThat(ReportPeriod.of("today", LocalDate.of(2020, 1, 1), null, TODAY).from()).isEqualTo(TODAY);
    }
}
