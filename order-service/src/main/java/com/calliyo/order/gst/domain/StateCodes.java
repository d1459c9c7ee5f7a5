package com.calliyo.order.gst.domain;

import java.util.regex.Pattern;

/** GST state codes as used in GSTINs and as the place of supply: two digits, 01 to 38. */
public final class StateCodes {

    private static final Pattern TWO_DIGITS = Pattern.compile("\\d{2}");
    private static final int LAST = 38;

    private StateCodes() {
    }

    public static boolean isValid(String code) {
        if (code == null || !TWO_DIGITS.matcher(code).matches()) {
            return false;
        }
        int value = Integer.parseInt(code);
        return value >= 1 && value <= LAST;
    }
}
