package com.calliyo.order.events;

import java.time.Instant;

/**
 * v1 of {@code com.calliyo.order.payment_status_changed}: the order's payment status moved {@code from} → {@code to};
 * the snapshot holds the new status and amount paid.
 */
public record OrderPaymentStatusChanged(
        String companyId,
        String orderId,
        String leadId,
        long orderVersion,
        Instant occurredAt,
        String actorId,
        OrderSnapshot order,
        PaymentStatus from,
        PaymentStatus to) implements OrderEvent {
}
