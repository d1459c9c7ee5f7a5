package com.calliyo.reporting.conversion;

import java.util.Optional;

import com.calliyo.reporting.ReportingServiceProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ConversionReportController {

    private final ConversionMetrics metrics;
    private final ReportingServiceProperties properties;

    ConversionReportController(ConversionMetrics metrics, ReportingServiceProperties properties) {
        this.metrics = metrics;
        this.properties = properties;
    }

    // Date ranges (from, to, basis) arrive with issue 6; until then the report covers every fact.
    @GetMapping("/api/reports/conversions")
    ConversionReport conversions(@RequestParam(name = "groupBy", required = false) String groupBy) {
        return metrics.conversions(companyId(), Optional.ofNullable(groupBy).map(ConversionGroup::of));
    }

    // Until sign-in lands (issue 3) every request acts for the configured company; later this reads the token.
    private String companyId() {
        return properties.defaultCompanyId();
    }
}
