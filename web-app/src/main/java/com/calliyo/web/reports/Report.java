package com.calliyo.web.reports;

import java.util.List;
import java.util.Map;

/** A report's rows and total as reporting-service answers them; the templates show the columns each report has. */
public record Report(List<Map<String, Object>> rows, Map<String, Object> total) {

    public Report {
        rows = rows == null ? List.of() : List.copyOf(rows);
        total = total == null ? Map.of() : Map.copyOf(total);
    }
}
