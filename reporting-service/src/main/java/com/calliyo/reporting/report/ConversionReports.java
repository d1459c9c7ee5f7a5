package com.calliyo.reporting.report;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.calliyo.reporting.facts.CompanyFacts;
import com.calliyo.reporting.facts.LeadFact;
import com.calliyo.reporting.report.Period.Window;

/**
 * Leads and conversions from the current lead facts. In the period: {@code leads} = leads captured in it (under
 * both bases); {@code conversions} = leads that are customers now and whose conversion happened in it
 * ({@code conversion} basis, whenever they were captured, so a row's rate can exceed 1) or whose capture happened
 * in it ({@code cohort} basis, whenever they converted, so the rate is at most 1). Un-converted leads are not
 * customers now and count nowhere as conversions.
 */
final class ConversionReports {

    static final String TOTAL_KEY = "total";
    static final String TOTAL_LABEL = "All leads";

    private ConversionReports() {
    }

    static ConversionReport compute(Collection<LeadFact> leads, CompanyFacts company, ReportRequest request) {
        Window window = request.period().in(company.timezone());
        Groups groups = Groups.of(company.userNames(), leads);
        Map<String, long[]> counts = new HashMap<>(); // key -> {leads, conversions}; HashMap holds the null key
        long totalLeads = 0;
        long totalConversions = 0;
        for (LeadFact lead : leads) {
            boolean counted = window.contains(lead.capturedAt());
            boolean converted = converted(lead, request.basis(), window);
            if (!counted && !converted) {
                continue;
            }
            totalLeads += counted ? 1 : 0;
            totalConversions += converted ? 1 : 0;
            if (request.groupBy().isPresent()) {
                for (String key : groups.keys(lead, request.groupBy().get())) {
                    long[] row = counts.computeIfAbsent(key, k -> new long[2]);
                    row[0] += counted ? 1 : 0;
                    row[1] += converted ? 1 : 0;
                }
            }
        }
        List<ConversionReport.Row> rows = counts.entrySet().stream()
                .map(e -> ConversionReport.Row.of(e.getKey(), groups.label(request.groupBy().get(), e.getKey()),
                        e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingLong(ConversionReport.Row::leads).reversed()
                        .thenComparing(Comparator.comparingLong(ConversionReport.Row::conversions).reversed())
                        .thenComparing(ConversionReport.Row::key, Groups.KEY_ORDER))
                .toList();
        return new ConversionReport(rows, ConversionReport.Row.of(TOTAL_KEY, TOTAL_LABEL, totalLeads,
                totalConversions));
    }

    /** A customer now whose conversion (conversion basis) or capture (cohort basis) falls in the window. */
    static boolean converted(LeadFact lead, Basis basis, Window window) {
        if (!lead.isCustomer()) {
            return false;
        }
        Instant when = basis == Basis.CONVERSION ? lead.convertedAt() : lead.capturedAt();
        return window.contains(when);
    }
}
