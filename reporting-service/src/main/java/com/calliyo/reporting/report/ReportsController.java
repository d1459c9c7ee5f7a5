package com.calliyo.reporting.report;

import java.util.Set;

import com.calliyo.tokencheck.Caller;
import com.calliyo.tokencheck.servlet.CallerResolver;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Reports", description = ReportsController.COMMON)
class ReportsController {

    static final String COMMON = "Every report covers only the caller's company (from the access token). Agents get "
            + "figures of their own leads (those they are credited with as customers, or assigned to otherwise) and "
            + "their own calls; admins and managers get the whole company. from/to are local dates (yyyy-MM-dd) in "
            + "the company's timezone, both inclusive, each optional. basis=conversion (default) counts a "
            + "conversion in the period it happened; basis=cohort takes leads by capture date and counts their "
            + "conversions whenever they happened. Conversions are leads that are customers now: an un-conversion "
            + "leaves every conversion and revenue figure retroactively, a re-conversion counts once, at its new "
            + "time. Bad parameters: 400 application/problem+json with errors[{field, message}] naming each one.";
    static final String FROM = "first local day (yyyy-MM-dd, years 1 to 9999, company timezone), inclusive; open "
            + "when absent";
    static final String TO = "last local day (yyyy-MM-dd, years 1 to 9999, company timezone), inclusive; open when "
            + "absent";
    static final String BASIS = "conversion (default) or cohort";

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
    @Operation(summary = "Leads, conversions and conversion rate, in total and per agent, source, tag or campaign",
            description = "leads = leads captured in the period (both bases). conversions = leads that are customers "
                    + "now and converted in the period (basis=conversion, whenever captured, so a rate can exceed 1) "
                    + "or captured in it (basis=cohort, whenever converted). conversionRate = conversions / leads, "
                    + "half-up to 4 decimals, 0 when leads = 0. groupBy=agent: the converting agent while the lead is "
                    + "a customer, else its assignee (key = user id, label = the user's name; null key = "
                    + "Unassigned: no assignee, or a conversion lead-service credited to no one or to a pseudo-user "
                    + "webhook:/apikey:). groupBy=tag: a lead with several tags counts under EACH tag's row (key = the tag "
                    + "lower-cased), so rows may add up to more than the total, which counts every lead once. "
                    + "Without groupBy, rows is empty. Rows: most leads first, then most conversions, then key.")
    ConversionReport conversions(@Parameter(description = FROM) @RequestParam(required = false) String from,
                                 @Parameter(description = TO) @RequestParam(required = false) String to,
                                 @Parameter(description = BASIS) @RequestParam(required = false) String basis,
                                 @Parameter(description = "agent, source, tag or campaign; absent: total only")
                                 @RequestParam(required = false) String groupBy) {
        return reports.conversions(caller(), ReportParameters.parse(from, to, basis, groupBy, LEAD_GROUPS));
    }

    /** Average, median and nearest-rank p90 hours from capture to conversion. */
    @GetMapping("/time-to-convert")
    @Operation(summary = "Hours from capture to conversion: average, median and 90th percentile",
            description = "Over the conversions the conversions report counts for the same parameters (customers "
                    + "now). medianHours: the middle value, or the mean of the two middle values for an even count. "
                    + "p90Hours: nearest rank, the value at rank ceil(0.9 x n) of the ascending durations. Computed "
                    + "exactly in milliseconds, then hours half-up to 2 decimals; null when there are no conversions. "
                    + "A lead counts under each of its tags. Rows: most conversions first, then key.")
    TimeToConvertReport timeToConvert(@Parameter(description = FROM) @RequestParam(required = false) String from,
                                      @Parameter(description = TO) @RequestParam(required = false) String to,
                                      @Parameter(description = BASIS) @RequestParam(required = false) String basis,
                                      @Parameter(description = "agent, source, tag or campaign; absent: total only")
                                      @RequestParam(required = false) String groupBy) {
        return reports.timeToConvert(caller(), ReportParameters.parse(from, to, basis, groupBy, LEAD_GROUPS));
    }

    /** Orders, revenue, collected and tax of current customers, per converting agent or plan. */
    @GetMapping("/revenue")
    @Operation(summary = "Orders, revenue, collected and tax of leads that are customers now",
            description = "Orders of leads that are customers now and converted in the period (basis=conversion) "
                    + "or captured in it (basis=cohort). Orders FAILED or REFUNDED count nowhere. orders = orders "
                    + "counted; revenue = their taxable value; collected = taxable value of those PAID; tax = their "
                    + "CGST + SGST + IGST. Money: decimal strings with 2 decimals. groupBy=agent credits the agent "
                    + "who converted the lead (null key = Unassigned: credited to no one or to a pseudo-user "
                    + "webhook:/apikey:); groupBy=plan groups by the order's plan (null key = No plan). Rows: "
                    + "most revenue first, then key.")
    RevenueReport revenue(@Parameter(description = FROM) @RequestParam(required = false) String from,
                          @Parameter(description = TO) @RequestParam(required = false) String to,
                          @Parameter(description = BASIS) @RequestParam(required = false) String basis,
                          @Parameter(description = "agent or plan; absent: total only")
                          @RequestParam(required = false) String groupBy) {
        return reports.revenue(caller(), ReportParameters.parse(from, to, basis, groupBy, REVENUE_GROUPS));
    }

    /** Leads per status in pipeline order, of the leads captured in the period. */
    @GetMapping("/funnel")
    @Operation(summary = "Leads per current status, in the company's pipeline order",
            description = "The leads captured in the period (basis is checked but does not apply), counted by their "
                    + "current status. Every pipeline status is a row (key = status id, label = its current name, so "
                    + "renames show), zero when empty, in pipeline order; statuses leads still hold but the pipeline "
                    + "no longer lists follow, by id.")
    FunnelReport funnel(@Parameter(description = FROM) @RequestParam(required = false) String from,
                        @Parameter(description = TO) @RequestParam(required = false) String to,
                        @Parameter(description = BASIS) @RequestParam(required = false) String basis) {
        return reports.funnel(caller(), ReportParameters.parse(from, to, basis, null, LEAD_GROUPS));
    }

    /** Attempts, connected, missed, talk time, coverage and connect rate per agent per day (groupBy=agent). */
    @GetMapping("/calls")
    @Operation(summary = "Calls per agent per day: attempts, connected, missed, talk time, target coverage, "
            + "connect rate, average talk time",
            description = "Calls logged in the period, per agent (the user who logged them; key = user id, label = "
                    + "name; null key = Unassigned for a call of no one or of a pseudo-user webhook:/apikey:) and "
                    + "local day (date, company timezone). attempts = completed calls, any status but IN_PROGRESS "
                    + "(an in-progress call counts once, when lead-service logs its completion under the same call "
                    + "id); connected = attempts with duration > 0, whatever the status (the contract has no "
                    + "connected status); missed = attempts logged MISSED; talkTimeSeconds = their summed duration; "
                    + "dailyCallTarget = the company's target in force at the END of that local day (the last "
                    + "change before the next midnight; null when none); targetCoverage = attempts / that target, "
                    + "half-up to 4 decimals (null without a target); connectRate = connected / attempts, half-up "
                    + "to 4 decimals (0 without attempts); avgTalkSeconds = talkTimeSeconds / connected, half-up to "
                    + "2 decimals (null without connected calls). The total has the same sums and rates over every "
                    + "row. basis is checked but does not apply. Rows by date, then key.")
    CallReport calls(@Parameter(description = FROM) @RequestParam(required = false) String from,
                     @Parameter(description = TO) @RequestParam(required = false) String to,
                     @Parameter(description = BASIS) @RequestParam(required = false) String basis,
                     @Parameter(description = "agent (the default and only grouping)")
                     @RequestParam(required = false) String groupBy) {
        return reports.calls(caller(), ReportParameters.parse(from, to, basis, groupBy, CALL_GROUPS));
    }

    /** From the verified token only: a report never reads another company's facts. */
    private Caller caller() {
        return callers.current();
    }
}
