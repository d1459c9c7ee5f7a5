package com.calliyo.order.gst.domain;

import java.math.BigDecimal;

/**
 * An order's GST in paise. Invariant: {@code taxableValue + cgst + sgst + igst == total}; either CGST + SGST
 * (intra-state) or IGST (inter-state) is non-zero, never both. {@code placeOfSupply} is null only when no state is
 * known (no GST charged and no state given).
 */
public record Tax(long taxableValue, long cgst, long sgst, long igst, long total, BigDecimal rate,
                  String placeOfSupply) {

    public Tax {
        if (taxableValue + cgst + sgst + igst != total) {
            throw new IllegalStateException("Tax components do not add up to the total");
        }
    }

    public long tax() {
        return cgst + sgst + igst;
    }

    /** The rate as published: {@code "18"}, {@code "0.25"}, {@code "0"}. */
    public String rateText() {
        return rate.signum() == 0 ? "0" : rate.stripTrailingZeros().toPlainString();
    }
}
