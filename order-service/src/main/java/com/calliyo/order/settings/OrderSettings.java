package com.calliyo.order.settings;

import java.math.BigDecimal;
import java.util.List;

/**
 * The order settings order-service owns per company: the GST rates (percent) an order may use. Slabs change, so an
 * admin can replace the list; a company that never did uses {@link #DEFAULT_GST_RATES}.
 */
public record OrderSettings(List<BigDecimal> gstRates) {

    public static final List<BigDecimal> DEFAULT_GST_RATES = List.of(
            BigDecimal.ZERO, new BigDecimal("5"), new BigDecimal("18"), new BigDecimal("40"));

    private static final int MAX_PLAIN_DIGITS = 20;

    public boolean allows(BigDecimal rate) {
        return gstRates.stream().anyMatch(allowed -> allowed.compareTo(rate) == 0);
    }

    /** As shown to clients: {@code ["0", "5", "18", "40"]}. */
    public List<String> gstRateTexts() {
        return gstRates.stream().map(OrderSettings::text).toList();
    }

    /** Plain digits ({@code "12.5"}); a rate far outside any slab keeps its exponent, as plain it could be huge. */
    public static String text(BigDecimal rate) {
        if (rate.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = rate.stripTrailingZeros();
        boolean sensible = stripped.scale() <= MAX_PLAIN_DIGITS
                && stripped.precision() - stripped.scale() <= MAX_PLAIN_DIGITS;
        return sensible ? stripped.toPlainString() : stripped.toString();
    }
}
