package com.calliyo.reporting.facts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Call statuses as lead-service writes them, and written loosely. */
class CallStatusesTest {

    @Test
    void shouldTellStatusesInEnumFormApart() {
        assertThat(CallStatuses.is("MISSED", CallStatuses.MISSED)).isTrue();
        assertThat(CallStatuses.is("IN_PROGRESS", CallStatuses.IN_PROGRESS)).isTrue();
        assertThat(CallStatuses.is("CALLED", CallStatuses.MISSED)).isFalse();
        assertThat(CallStatuses.is("NO_ANSWER", CallStatuses.IN_PROGRESS)).isFalse();
    }

    @Test
    void shouldReadLooseSpellingsLeniently() {
        assertThat(CallStatuses.is("In-progress", CallStatuses.IN_PROGRESS)).isTrue();
        assertThat(CallStatuses.is("in progress", CallStatuses.IN_PROGRESS)).isTrue();
        assertThat(CallStatuses.is("missed ", CallStatuses.MISSED)).isTrue();
        assertThat(CallStatuses.is(" Missed", CallStatuses.MISSED)).isTrue();
        assertThat(CallStatuses.is("busy", CallStatuses.MISSED)).isFalse();
    }

    @Test
    void shouldMatchNothingWhenAbsentOrEmpty() {
        assertThat(CallStatuses.is(null, CallStatuses.MISSED)).isFalse();
        assertThat(CallStatuses.is("", CallStatuses.MISSED)).isFalse();
        assertThat(CallStatuses.is("  ", CallStatuses.IN_PROGRESS)).isFalse();
    }
}
