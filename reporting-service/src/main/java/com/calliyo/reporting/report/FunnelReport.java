package com.calliyo.reporting.report;

import java.util.List;

/** Leads per status in the company's pipeline order; {@code key} = status id, {@code label} = its current name. */
public record FunnelReport(List<Row> rows, Total total) {

    public record Row(String key, String label, String kind, long leads) {
    }

    public record Total(String key, String label, long leads) {
    }
}
