package com.calliyo.reporting.report;

import java.util.List;

/**
 * Hours from capture to conversion of the leads converted in the period (by the request's basis), per group key and
 * in total. Hours are half-up to 2 decimals and null when there are no conversions.
 */
public record TimeToConvertReport(List<Row> rows, Row total) {

    public record Row(String key, String label, long conversions, Double avgHours, Double medianHours,
                      Double p90Hours) {
    }
}
