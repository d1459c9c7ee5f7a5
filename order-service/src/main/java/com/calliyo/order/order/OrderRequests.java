package com.calliyo.order.order;

import java.math.BigDecimal;

import com.calliyo.order.events.PaymentStatus;

/** The bodies of {@code POST /api/orders} and {@code PATCH /api/orders/{id}}. */
final class OrderRequests {

    private OrderRequests() {
    }

    /** {@code amountIncludesTax} defaults to false (GST added on top); {@code gst} absent = no GST (rate 0). */
    record CreateOrder(String leadId, String plan, BigDecimal amount, Boolean amountIncludesTax,
                       PaymentStatus paymentStatus, BigDecimal amountPaid, Gst gst) {
    }

    /** What an order would be taxed: the same amount and GST fields as {@link CreateOrder}, nothing stored. */
    record TaxPreview(BigDecimal amount, Boolean amountIncludesTax, Gst gst) {
    }

    record Gst(BigDecimal rate, String customerGstin, String placeOfSupply) {
    }

    record ChangePayment(PaymentStatus paymentStatus, BigDecimal amountPaid) {
    }
}
