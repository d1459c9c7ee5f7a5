package com.calliyo.web.reports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A report's rows and total as reporting-service answers them; the templates show the columns each report has. */
public record Report(List<Map<String, Object>> rows, Map<String, Object> total) {

    /** Rows have null members ("Unassigned" has a null key), so no Map.copyOf here. */
    public Report {
        rows = rows == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(rows));
        total = total == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(total));
    }
}
