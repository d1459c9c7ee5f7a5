package com.calliyo.order.gst.domain;

import java.math.BigDecimal;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The rounding rule of {@link GstCalculator}, case by case; amounts in paise; the company is in Karnataka (29). */
class GstCalculatorTest {

    private static final String KARNATAKA = "29";
    private static final String MAHARASHTRA = "27";

    static Stream<Arguments> cases() {
        return Stream.of(
                // amount, includesTax, rate, place, taxable, cgst, sgst, igst, total, expected place
                arguments("on top, intra-state", 1_000_000L, false, "18", null, 1_000_000L, 90_000L, 90_000L, 0L,
                        1_180_000L, KARNATAKA),
                arguments("on top, same state given", 1_000_000L, false, "18", KARNATAKA, 1_000_000L, 90_000L,
                        90_000L, 0L, 1_180_000L, KARNATAKA),
                arguments("on top, inter-state", 1_000_000L, false, "18", MAHARASHTRA, 1_000_000L, 0L, 0L,
                        180_000L, 1_180_000L, MAHARASHTRA),
                arguments("carved out, intra-state", 1_180_000L, true, "18", null, 1_000_000L, 90_000L, 90_000L, 0L,
                        1_180_000L, KARNATAKA),
                arguments("carved out, inter-state", 1_180_000L, true, "18", MAHARASHTRA, 1_000_000L, 0L, 0L,
                        180_000L, 1_180_000L, MAHARASHTRA),
                arguments("carved out, odd paisa goes to CGST", 10_000L, true, "18", null, 8_475L, 763L, 762L, 0L,
                        10_000L, KARNATAKA),
                arguments("carved out, odd paisa inter-state", 10_000L, true, "18", MAHARASHTRA, 8_475L, 0L, 0L,
                        1_525L, 10_000L, MAHARASHTRA),
                arguments("on top, half a paisa rounds up", 10L, false, "5", null, 10L, 1L, 0L, 0L, 11L,
                        KARNATAKA),
                arguments("on top, 4.5 paise round up, odd split", 25L, false, "18", null, 25L, 3L, 2L, 0L, 30L,
                        KARNATAKA),
                arguments("on top, 0.4 paisa rounds down", 123_456L, false, "40", MAHARASHTRA, 123_456L, 0L, 0L,
                        49_382L, 172_838L, MAHARASHTRA),
                arguments("carved out at 40%", 100L, true, "40", null, 71L, 15L, 14L, 0L, 100L, KARNATAKA),
                arguments("carved out at 5%", 105_000L, true, "5", null, 100_000L, 2_500L, 2_500L, 0L, 105_000L,
                        KARNATAKA),
                arguments("0% on top", 50_000L, false, "0", null, 50_000L, 0L, 0L, 0L, 50_000L, KARNATAKA),
                arguments("0% carved out, inter-state", 50_000L, true, "0", MAHARASHTRA, 50_000L, 0L, 0L, 0L,
                        50_000L, MAHARASHTRA),
                arguments("a fractional rate", 100_000L, false, "0.25", null, 100_000L, 125L, 125L, 0L, 100_250L,
                        KARNATAKA),
                arguments("one paisa at 18% carved out", 1L, true, "18", null, 1L, 0L, 0L, 0L, 1L, KARNATAKA));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldSplitTheTaxByTheDocumentedRule(String name, long amount, boolean includesTax, String rate,
                                             String place, long taxable, long cgst, long sgst, long igst,
                                             long total, String expectedPlace) {
        Tax tax = GstCalculator.compute(new GstRequest(amount, includesTax, new BigDecimal(rate), KARNATAKA, place));

        assertThat(tax).isEqualTo(new Tax(taxable, cgst, sgst, igst, total, new BigDecimal(rate), expectedPlace));
    }

    @ParameterizedTest(name = "{0}%")
    @MethodSource("defaultRates")
    void shouldChargeEveryDefaultRateOnTop(String rate, long expectedTax) {
        Tax tax = GstCalculator.compute(new GstRequest(100_000L, false, new BigDecimal(rate), KARNATAKA, null));

        assertThat(tax.tax()).isEqualTo(expectedTax);
        assertThat(tax.cgst()).isEqualTo(tax.sgst());
        assertThat(tax.total()).isEqualTo(100_000L + expectedTax);
        assertThat(tax.rateText()).isEqualTo(rate);
    }

    static Stream<Arguments> defaultRates() {
        return Stream.of(arguments("0", 0L), arguments("5", 5_000L), arguments("18", 18_000L),
                arguments("40", 40_000L));
    }

    @Test
    void shouldAddUpExactlyForEveryAmountRateAndSupplyType() {
        String[] rates = {"0", "0.25", "3", "5", "12", "18", "28", "40"};
        for (long amount = 1; amount <= 20_011; amount += 7) {
            for (String rate : rates) {
                for (String place : new String[] {null, MAHARASHTRA}) {
                    for (boolean includesTax : new boolean[] {true, false}) {
                        Tax tax = GstCalculator.compute(
                                new GstRequest(amount, includesTax, new BigDecimal(rate), KARNATAKA, place));
                        assertThat(tax.taxableValue() + tax.cgst() + tax.sgst() + tax.igst())
                                .isEqualTo(tax.total());
                        assertThat(includesTax ? tax.total() : tax.taxableValue()).isEqualTo(amount);
                        assertThat(tax.cgst() - tax.sgst()).isBetween(0L, 1L);
                    }
                }
            }
        }
    }
}
