package com.calliyo.reporting.report;

import java.util.List;

/**
 * Money per group key and in total, as decimal strings with 2 decimals: {@code orders} = orders counted as
 * revenue, {@code revenue} = their taxable value, {@code collected} = the taxable value of those PAID,
 * {@code tax} = their CGST + SGST + IGST.
 */
public record RevenueReport(List<Row> rows, Row total) {

    public record Row(String key, String label, long orders, String revenue, String collected, String tax) {
    }
}
