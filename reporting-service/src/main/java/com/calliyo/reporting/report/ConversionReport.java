package com.calliyo.reporting.report;

import java.util.List;

/** {@code rows} per group key (empty without groupBy) and the {@code total}, which counts each lead once. */
public record ConversionReport(List<Row> rows, Row total) {

    /** {@code conversionRate} = conversions / leads, half-up to 4 decimals, 0 when there are no leads. */
    public record Row(String key, String label, long leads, long conversions, double conversionRate) {

        static Row of(String key, String label, long leads, long conversions) {
            return new Row(key, label, leads, conversions, Numbers.rate(conversions, leads));
        }
    }
}
