package com.calliyo.order.orders;

import java.math.BigDecimal;

import com.calliyo.order.events.PaymentStatus;
import com.calliyo.order.gst.domain.GstTerms;

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

        /** As the tax rules take them; null when the request has no {@code gst}. */
        static GstTerms terms(Gst gst) {
            return gst == null ? null : new GstTerms(gst.rate(), gst.customerGstin(), gst.placeOfSupply());
        }
    }

    record ChangePayment(PaymentStatus paymentStatus, BigDecimal amountPaid) {
    }
}
