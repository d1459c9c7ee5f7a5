package com.calliyo.web.conversion;

import java.time.Instant;

/** An order as order-service answers it, with the GST split it computed. */
public record Order(String id, String leadId, String plan, String currency, String amount, boolean amountIncludesTax,
                    String paymentStatus, String amountPaid, TaxBreakdown taxBreakdown, String customerGstin,
                    Instant createdAt) {

    /** CGST + SGST within the company's state, IGST across states; {@code taxableValue + taxes = total}. */
    public record TaxBreakdown(String taxableValue, String cgst, String sgst, String igst, String total, String rate,
                               String placeOfSupply) {

        public boolean intraState() {
            return igst == null || isZero(igst);
        }

        private static boolean isZero(String amount) {
            return new java.math.BigDecimal(amount).signum() == 0;
        }
    }
}
