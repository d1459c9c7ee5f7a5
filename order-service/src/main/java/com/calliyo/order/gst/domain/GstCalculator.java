package com.calliyo.order.gst.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Indian GST on one order, in whole paise, by one rounding rule:
 * <ol>
 *   <li>Tax added on top ({@code amountIncludesTax = false}): taxable value = the amount;
 *       tax = taxable × rate / 100, rounded half-up to the paisa.</li>
 *   <li>Tax carved out ({@code amountIncludesTax = true}): total = the amount;
 *       taxable value = total × 100 / (100 + rate), rounded half-up to the paisa; tax = total − taxable value.</li>
 *   <li>The tax is computed once, whatever the supply type. Intra-state (place of supply = the company's state) it
 *       is split into SGST = tax / 2 rounded down and CGST = the rest, so an odd paisa goes to CGST; inter-state it
 *       is all IGST.</li>
 * </ol>
 * So {@code taxableValue + cgst + sgst + igst = total} exactly, in both directions. The place of supply, when not
 * given, is the company's state (an intra-state sale is assumed).
 */
public final class GstCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private GstCalculator() {
    }

    public static Tax compute(GstRequest request) {
        BigDecimal rate = request.rate() == null ? BigDecimal.ZERO : request.rate();
        String place = request.placeOfSupply() != null ? request.placeOfSupply() : request.companyState();
        long taxable;
        long total;
        if (request.amountIncludesTax()) {
            total = request.amountPaise();
            taxable = BigDecimal.valueOf(total).multiply(HUNDRED)
                    .divide(HUNDRED.add(rate), 0, RoundingMode.HALF_UP).longValueExact();
        } else {
            taxable = request.amountPaise();
            long tax = BigDecimal.valueOf(taxable).multiply(rate)
                    .divide(HUNDRED, 0, RoundingMode.HALF_UP).longValueExact();
            total = Math.addExact(taxable, tax);
        }
        long tax = total - taxable;
        boolean intraState = place == null || place.equals(request.companyState());
        if (intraState) {
            long sgst = tax / 2;
            return new Tax(taxable, tax - sgst, sgst, 0, total, rate, place);
        }
        return new Tax(taxable, 0, 0, tax, total, rate, place);
    }
}
