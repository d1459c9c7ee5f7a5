package com.calliyo.customer.customers.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerFilterTest {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    @Test
    void shouldTurnLocalDaysIntoAHalfOpenRangeInTheCompanysZone() {
        CustomerFilter march = new CustomerFilter(null, null, LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-03-31"));

        assertThat(march.fromInstant(KOLKATA)).contains(Instant.parse("2026-02-28T18:30:00Z"));
        assertThat(march.toExclusive(KOLKATA)).contains(Instant.parse("2026-03-31T18:30:00Z"));
        assertThat(march.fromInstant(ZoneId.of("UTC"))).contains(Instant.parse("2026-03-01T00:00:00Z"));
    }

    @Test
    void shouldFollowDaylightSavingInZonesThatHaveIt() {
        CustomerFilter day = new CustomerFilter(null, null, LocalDate.parse("2026-03-08"),
                LocalDate.parse("2026-03-08"));
        ZoneId newYork = ZoneId.of("America/New_York");

        // 8 March 2026 is 23 hours long in New York
        assertThat(day.fromInstant(newYork)).contains(Instant.parse("2026-03-08T05:00:00Z"));
        assertThat(day.toExclusive(newYork)).contains(Instant.parse("2026-03-09T04:00:00Z"));
    }

    @Test
    void shouldSplitTheSearchIntoWordsAndIgnoreABlankAgent() {
        CustomerFilter filter = new CustomerFilter("  Asha   Rao ", "  ", null, null);

        assertThat(filter.words()).containsExactly("Asha", "Rao");
        assertThat(filter.agent()).isEmpty();
        assertThat(filter.fromInstant(KOLKATA)).isEmpty();
        assertThat(CustomerFilter.NONE.words()).isEmpty();
    }
}
