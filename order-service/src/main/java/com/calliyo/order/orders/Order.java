package com.calliyo.order.orders;

import java.time.Instant;

import com.calliyo.order.events.PaymentStatus;
import com.calliyo.order.gst.domain.Tax;

/**
 * One order as stored: money in paise, the GST as computed at creation, and the payment state. {@code version}
 * grows by one with each change; updates are compare-and-set on it. {@code amountPaid} is null until something is
 * paid; PAID means the whole total.
 */
public record Order(
        String id,
        String companyId,
        String leadId,
        String plan,
        long amount,
        boolean amountIncludesTax,
        PaymentStatus paymentStatus,
        Long amountPaid,
        Tax tax,
        String customerGstin,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        long version) {

    Order withPayment(PaymentStatus status, Long paid, Instant now) {
        return new Order(id, companyId, leadId, plan, amount, amountIncludesTax, status, paid, tax, customerGstin,
                createdAt, createdBy, now, version + 1);
    }
}
