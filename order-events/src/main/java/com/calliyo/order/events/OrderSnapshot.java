package com.calliyo.order.events;

import java.time.Instant;

/**
 * The order's whole current state, carried by every order event (event-carried state transfer). Money is a decimal
 * string in {@code currency} (always {@code "INR"} today); {@code amount} is what was entered, gross of tax when
 * {@code amountIncludesTax}; {@code amountPaid} is null until a payment is recorded.
 */
public record OrderSnapshot(
        String orderId,
        String leadId,
        String plan,
        String currency,
        String amount,
        boolean amountIncludesTax,
        PaymentStatus paymentStatus,
        String amountPaid,
        TaxBreakdown taxBreakdown,
        Instant createdAt,
        String createdBy) {
}
