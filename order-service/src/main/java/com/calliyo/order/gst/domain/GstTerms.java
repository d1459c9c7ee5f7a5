package com.calliyo.order.gst.domain;

import java.math.BigDecimal;

/**
 * The GST fields of an order request: the rate (percent), and optionally the customer's GSTIN and the place of supply
 * (a state code). A request without them carries no GST at all (rate 0) and has no GstTerms.
 */
public record GstTerms(BigDecimal rate, String customerGstin, String placeOfSupply) {

    /** The customer's GSTIN as stored on the order, or null when none was given. */
    public String normalisedCustomerGstin() {
        return customerGstin == null || customerGstin.isBlank() ? null : Gstin.normalise(customerGstin);
    }
}
