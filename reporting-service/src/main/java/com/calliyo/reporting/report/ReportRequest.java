package com.calliyo.reporting.report;

import java.util.Optional;

/** A report's parameters once checked. */
public record ReportRequest(Period period, Basis basis, Optional<GroupBy> groupBy) {

    public static ReportRequest allTime(GroupBy groupBy) {
        return new ReportRequest(Period.ALL_TIME, Basis.CONVERSION, Optional.ofNullable(groupBy));
    }
}
