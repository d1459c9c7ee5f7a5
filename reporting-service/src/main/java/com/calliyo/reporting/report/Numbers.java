package com.calliyo.reporting.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The fixed precisions of report numbers: rates to 4 decimals, averages and hours to 2, money to 2 (as strings).
 */
final class Numbers {

    static final long MILLIS_PER_HOUR = 3_600_000L;

    private Numbers() {
    }

    /** {@code part / whole} rounded half-up to 4 decimals; 0 when {@code whole} is 0. */
    static double rate(long part, long whole) {
        if (whole == 0) {
            return 0;
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP).doubleValue();
    }

    /** {@code sum / count} rounded half-up to 2 decimals; null when {@code count} is 0 (there is no average). */
    static Double average(long sum, long count) {
        if (count == 0) {
            return null;
        }
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP).doubleValue();
    }

    /** {@code millis / divisor} in hours, rounded half-up to 2 decimals (exact arithmetic, no float drift). */
    static double hours(BigDecimal millis, long divisor) {
        return millis.divide(BigDecimal.valueOf(divisor).multiply(BigDecimal.valueOf(MILLIS_PER_HOUR)), 2,
                RoundingMode.HALF_UP).doubleValue();
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
