package com.calliyo.order.orders;

import java.time.Instant;
import java.util.Set;

import com.calliyo.order.events.PaymentStatus;
import com.calliyo.order.events.TaxBreakdown;
import com.calliyo.order.gst.domain.Money;
import com.calliyo.order.payment.PaymentTransitions;

/**
 * An order as the API answers it; money as decimal strings with two places, like the events.
 * {@code nextPaymentStatuses} are the payment statuses a PATCH may move it to now (PARTIALLY_PAID again means more
 * was paid), so a client offers only those.
 */
record OrderResponse(String id, String leadId, String plan, String currency, String amount,
                     boolean amountIncludesTax, PaymentStatus paymentStatus, String amountPaid,
                     TaxBreakdown taxBreakdown, String customerGstin, Instant createdAt, String createdBy,
                     Instant updatedAt, long version, Set<PaymentStatus> nextPaymentStatuses) {

    static OrderResponse of(Order order) {
        return new OrderResponse(order.id(), order.leadId(), order.plan(), "INR", Money.format(order.amount()),
                order.amountIncludesTax(), order.paymentStatus(),
                order.amountPaid() == null ? null : Money.format(order.amountPaid()),
                OrderEvents.breakdown(order.tax()), order.customerGstin(), order.createdAt(), order.createdBy(),
                order.updatedAt(), order.version(), PaymentTransitions.from(order.paymentStatus()));
    }
}
