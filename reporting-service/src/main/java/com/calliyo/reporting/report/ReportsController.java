package com.calliyo.reporting.report;

import java.util.Set;

import com.calliyo.reporting.caller.Caller;
import com.calliyo.reporting.caller.CallerResolver;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reports of api.md. Every one takes {@code from}/{@code to} (local dates in the company's timezone, inclusive,
 * each optional) and {@code basis} (conversion, the default, or cohort); the company is the token's, never a
 * parameter. Bad parameters answer 400 problem+json naming each one. Semantics: see each report's class and the
 * README.
 */
@RestController
@RequestMapping("/api/reports")
class ReportsController {

    static final Set<GroupBy> LEAD_GROUPS = ReportParameters.groups(GroupBy.AGENT, GroupBy.SOURCE, GroupBy.TAG,
            GroupBy.CAMPAIGN);
    static final Set<GroupBy> REVENUE_GROUPS = ReportParameters.groups(GroupBy.AGENT, GroupBy.PLAN);
    static final Set<GroupBy> CALL_GROUPS = ReportParameters.groups(GroupBy.AGENT);

    private final Reports reports;
    private final CallerResolver callers;

    ReportsController(Reports reports, CallerResolver callers) {
        this.reports = reports;
        this.callers = callers;
    }

    /** Leads, conversions and rate per agent, source, tag (a lead counts under each of its tags) or campaign. */
    @GetMapping("/conversions")
    ConversionReport conversions(@RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String basis,
                                 @RequestParam(required = false) String groupBy) {
        return reports.conversions(caller(), ReportParameters.parse(from, to, basis, groupBy, LEAD_GROUPS));
    }

    /** Average, median and nearest-rank p90 hours from capture to conversion. */
    @GetMapping("/time-to-convert")
    TimeToConvertReport timeToConvert(@RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String basis,
                                      @RequestParam(required = false) String groupBy) {
        return reports.timeToConvert(caller(), ReportParameters.parse(from, to, basis, groupBy, LEAD_GROUPS));
    }

    /** Orders, revenue, collected and tax of current customers, per converting agent or plan. */
    @GetMapping("/revenue")
    RevenueReport revenue(@RequestParam(required = false) String from,
                          @RequestParam(required = false) String to,
                          @RequestParam(required = false) String basis,
                          @RequestParam(required = false) String groupBy) {
        return reports.revenue(caller(), ReportParameters.parse(from, to, basis, groupBy, REVENUE_GROUPS));
    }

    /** Leads per status in pipeline order, of the leads captured in the period. */
    @GetMapping("/funnel")
    FunnelReport funnel(@RequestParam(required = false) String from,
                        @RequestParam(required = false) String to,
                        @RequestParam(required = false) String basis) {
        return reports.funnel(caller(), ReportParameters.parse(from, to, basis, null, LEAD_GROUPS));
    }

    /** Attempts, connected, missed, talk time and target coverage per agent per day; groupBy=agent is the default. */
    @GetMapping("/calls")
    CallReport calls(@RequestParam(required = false) String from,
                     @RequestParam(required = false) String to,
                     @RequestParam(required = false) String basis,
                     @RequestParam(required = false) String groupBy) {
        return reports.calls(caller(), ReportParameters.parse(from, to, basis, groupBy, CALL_GROUPS));
    }

    /** From the verified token only: a report never reads another company's facts. */
    private Caller caller() {
        return callers.current();
    }
}
