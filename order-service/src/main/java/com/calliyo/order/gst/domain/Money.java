package com.calliyo.order.gst.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rupee amounts are held as whole paise ({@code long}) and shown as decimal strings with two places
 * ({@code "1180.00"}); never as floating point.
 */
public final class Money {

    /** The largest amount an order may carry: ₹1,000 crore, far below where paise would overflow a long. */
    public static final BigDecimal MAX_RUPEES = new BigDecimal("10000000000.00");

    private Money() {
    }

    /** Why {@code rupees} cannot be an order amount (a phrase after the field name), or null when it can. */
    public static String problem(BigDecimal rupees) {
        if (rupees == null) {
            return "is required";
        }
        if (rupees.signum() <= 0) {
            return "must be greater than 0";
        }
        if (rupees.stripTrailingZeros().scale() > 2) {
            return "must have at most 2 decimals (paise)";
        }
        if (rupees.compareTo(MAX_RUPEES) > 0) {
            return "must not exceed " + MAX_RUPEES.toPlainString();
        }
        return null;
    }

    /** Exact: the caller has checked that there are at most two decimals. */
    public static long toPaise(BigDecimal rupees) {
        return rupees.movePointRight(2).longValueExact();
    }

    public static BigDecimal toRupees(long paise) {
        return BigDecimal.valueOf(paise, 2);
    }

    public static String format(long paise) {
        return toRupees(paise).toPlainString();
    }

    public static long parse(String rupees) {
        return new BigDecimal(rupees).setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
    }
}
