package com.calliyo.order.events;

/**
 * GST of an order; money and the rate are decimal strings (e.g. {@code "1800.00"}, {@code "18"}), never floats.
 * Within the company's state (place of supply = its state code) the tax is CGST + SGST at half the rate each,
 * otherwise IGST; the other components are {@code "0.00"}. {@code total} = taxable value + tax. An order without
 * GST has rate {@code "0"}, zero tax and a null place of supply.
 */
public record TaxBreakdown(
        String taxableValue,
        String cgst,
        String sgst,
        String igst,
        String total,
        String rate,
        String placeOfSupply) {
}
