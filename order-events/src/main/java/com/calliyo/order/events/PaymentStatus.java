package com.calliyo.order.events;

/** Where the payment of an order stands. Revenue counts orders that are neither FAILED nor REFUNDED. */
public enum PaymentStatus {
    PENDING, PARTIALLY_PAID, PAID, FAILED, REFUNDED
}
