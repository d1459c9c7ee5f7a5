package com.calliyo.reporting.facts;

import java.math.BigDecimal;
import java.time.Instant;

import com.calliyo.order.events.PaymentStatus;

/**
 * One order as of {@code version} (the last applied orderVersion). Money is exact: {@code taxableValue} and
 * {@code tax} (CGST + SGST + IGST) are decimals parsed from the event's decimal strings, zero when absent.
 */
public record OrderFact(
        String orderId,
        String companyId,
        String leadId,
        long version,
        String plan,
        PaymentStatus paymentStatus,
        BigDecimal taxableValue,
        BigDecimal tax,
        Instant createdAt) {

    /** Revenue counts every order that is neither FAILED nor REFUNDED (PENDING and PARTIALLY_PAID included). */
    public boolean countsAsRevenue() {
        return paymentStatus != PaymentStatus.FAILED && paymentStatus != PaymentStatus.REFUNDED;
    }

    public boolean isPaid() {
        return paymentStatus == PaymentStatus.PAID;
    }
}
