package com.calliyo.reporting.conversion;

import java.util.Optional;

import com.calliyo.reporting.caller.CallerResolver;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ConversionReportController {

    private final ConversionMetrics metrics;
    private final CallerResolver callers;

    ConversionReportController(ConversionMetrics metrics, CallerResolver callers) {
        this.metrics = metrics;
        this.callers = callers;
    }

    // Date ranges (from, to, basis) arrive with issue 6; until then the report covers every fact.
    @GetMapping("/api/reports/conversions")
    ConversionReport conversions(@RequestParam(name = "groupBy", required = false) String groupBy) {
        return metrics.conversions(companyId(), Optional.ofNullable(groupBy).map(ConversionGroup::of));
    }

    /** The caller's company, from the verified token: the report never counts another company's leads. */
    private String companyId() {
        return callers.current().companyId();
    }
}
