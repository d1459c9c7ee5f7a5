package com.calliyo.order.gst.domain;

import java.math.BigDecimal;

/**
 * What decides an order's tax: the amount in paise (gross of tax when {@code amountIncludesTax}), the rate in percent,
 * the company's state code (null when it has no GSTIN) and the place of supply (a state code; null to derive it).
 */
public record GstRequest(long amountPaise, boolean amountIncludesTax, BigDecimal rate, String companyState,
                         String placeOfSupply) {
}
