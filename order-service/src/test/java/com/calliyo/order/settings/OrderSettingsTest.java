package com.calliyo.order.settings;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How rates read back to clients, including a refused rate named in a 422 message. */
class OrderSettingsTest {

    @Test
    void shouldWriteRatesPlainWithoutTrailingZeros() {
        OrderSettings settings = new OrderSettings(List.of(BigDecimal.ZERO, new BigDecimal("5.00"),
                new BigDecimal("12.50"), new BigDecimal("1.8E+1")));

        assertThat(settings.gstRateTexts()).containsExactly("0", "5", "12.5", "18");
    }

    @Test
    void shouldWriteAnAbsurdRateShortInsteadOfSpellingOutItsDigits() {
        // plain, 1E+99999999 is a hundred million digits: the 422 naming gst.rate would take ages and memory
        assertThat(OrderSettings.text(new BigDecimal("1E+99999999"))).isEqualTo("1E+99999999");
        assertThat(OrderSettings.text(new BigDecimal("1E-99999999"))).isEqualTo("1E-99999999");
    }
}
