package com.calliyo.order.payment;

import java.util.EnumSet;
import java.util.Set;

import com.calliyo.order.events.PaymentStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every (from, to) pair of the transition table, allowed or not. */
class PaymentTransitionsTest {

    @ParameterizedTest(name = "from {0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "PENDING|PARTIALLY_PAID PAID FAILED",
            "PARTIALLY_PAID|PARTIALLY_PAID PAID FAILED REFUNDED",
            "PAID|REFUNDED",
            "FAILED|PENDING PARTIALLY_PAID PAID",
            "REFUNDED|''"})
    void shouldAllowExactlyTheTable(PaymentStatus from, String allowed) {
        Set<PaymentStatus> expected = EnumSet.noneOf(PaymentStatus.class);
        for (String to : allowed.split(" ")) {
            if (!to.isBlank()) {
                expected.add(PaymentStatus.valueOf(to));
            }
        }
        for (PaymentStatus to : PaymentStatus.values()) {
            assertThat(PaymentTransitions.isAllowed(from, to)).as("%s → %s", from, to)
                    .isEqualTo(expected.contains(to));
        }
        assertThat(PaymentTransitions.from(from)).isEqualTo(expected);
    }
}
