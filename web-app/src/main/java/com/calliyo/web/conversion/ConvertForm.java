package com.calliyo.web.conversion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The order offered while converting. {@code amountIncludesTax}: the amount is the total with GST in it, otherwise
 * GST comes on top.
 */
public record ConvertForm(String plan, String amount, Boolean amountIncludesTax, String gstRate,
                          String paymentStatus, String idempotencyKey, String customerGstin, String placeOfSupply) {

    public static final List<String> PAYMENT_STATUSES = List.of("PENDING", "PARTIALLY_PAID", "PAID", "FAILED");

    /** A form posted without the choice (no radio ticked) means tax on top. */
    public boolean includesTax() {
        return Boolean.TRUE.equals(amountIncludesTax);
    }

    static ConvertForm blank(OrderSettings settings) {
        // A rate above 0 needs the company's GSTIN; without one the only rate that can be saved is 0.
        String rate = settings.companyGstin() != null && settings.gstRates().contains("18") ? "18"
                : settings.gstRates().isEmpty() ? "0" : settings.gstRates().get(0);
        return new ConvertForm("", "", false, rate, "PENDING", UUID.randomUUID().toString(), "", "");
    }

    /** The GST part of an order or a tax preview: the rate, and the customer's GSTIN and place of supply if given. */
    Map<String, Object> gst() {
        Map<String, Object> gst = new LinkedHashMap<>();
        gst.put("rate", gstRate);
        if (customerGstin != null && !customerGstin.isBlank()) {
            gst.put("customerGstin", customerGstin.trim().toUpperCase(java.util.Locale.ROOT));
        }
        if (placeOfSupply != null && !placeOfSupply.isBlank()) {
            gst.put("placeOfSupply", placeOfSupply.trim());
        }
        return gst;
    }

    ConvertForm withNewKey() {
        return new ConvertForm(plan, amount, amountIncludesTax, gstRate, paymentStatus, UUID.randomUUID().toString(),
                customerGstin, placeOfSupply);
    }

    ConvertForm keyed() {
        return idempotencyKey == null || idempotencyKey.isBlank()
                ? new ConvertForm(plan, amount, amountIncludesTax, gstRate, paymentStatus,
                        UUID.randomUUID().toString(), customerGstin, placeOfSupply)
                : this;
    }
}
