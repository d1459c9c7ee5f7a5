package com.calliyo.web.customers;

import java.time.Instant;
import java.util.List;

import com.calliyo.web.conversion.Order.TaxBreakdown;

/**
 * A customer's order as order-service answers it, with the payment statuses it may move to now: the page offers
 * only those (PARTIALLY_PAID again records more paid).
 */
public record CustomerOrder(String id, String plan, String amount, String paymentStatus, String amountPaid,
                            TaxBreakdown taxBreakdown, Instant createdAt, List<String> nextPaymentStatuses) {

    public CustomerOrder {
        nextPaymentStatuses = nextPaymentStatuses == null ? List.of() : List.copyOf(nextPaymentStatuses);
    }

    public String total() {
        return taxBreakdown == null ? amount : taxBreakdown.total();
    }
}
