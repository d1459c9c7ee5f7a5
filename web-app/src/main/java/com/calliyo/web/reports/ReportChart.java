package com.calliyo.web.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * A chart's figures as JSON for a canvas's {@code data-chart} attribute: escaped like any attribute, so a label
 * such as {@code </script>} stays text, and read back by {@code reports.js}.
 */
public final class ReportChart {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReportChart() {
    }

    public static String json(Report report, String figure) {
        List<Object> labels = report.rows().stream().map(row -> row.get("label")).toList();
        List<Object> values = report.rows().stream().map(row -> row.get(figure)).toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", labels);
        data.put("values", values);
        return JSON.writeValueAsString(data);
    }
}
