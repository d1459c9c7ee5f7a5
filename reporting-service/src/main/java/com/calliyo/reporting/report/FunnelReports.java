package com.calliyo.reporting.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.calliyo.lead.events.StatusRef;
import com.calliyo.reporting.facts.CompanyFacts;
import com.calliyo.reporting.facts.LeadFact;
import com.calliyo.reporting.report.Period.Window;

/**
 * Current status of the leads captured in the period (the basis does not apply: a status has no period of its
 * own). Every status of the pipeline is a row, in pipeline order, with the pipeline's current name (renames
 * respected), zero when empty. Statuses a lead still holds but the pipeline no longer lists follow, by id, with
 * the name leads carry (the first alphabetically, should they differ).
 */
final class FunnelReports {

    static final String TOTAL_LABEL = "All leads";

    private FunnelReports() {
    }

    static FunnelReport compute(Collection<LeadFact> leads, CompanyFacts company, ReportRequest request) {
        Window window = request.period().in(company.timezone());
        Map<String, Long> counts = new HashMap<>();
        Map<String, LeadFact> unknown = new TreeMap<>(Groups.KEY_ORDER); // status id -> a lead holding it
        long total = 0;
        for (LeadFact lead : leads) {
            if (window.contains(lead.capturedAt())) {
                total++;
                counts.merge(lead.statusId(), 1L, Long::sum);
                unknown.merge(lead.statusId(), lead, FunnelReports::firstByName);
            }
        }
        Map<String, FunnelReport.Row> rows = new LinkedHashMap<>();
        for (StatusRef status : company.pipeline()) {
            rows.put(status.id(), new FunnelReport.Row(status.id(), status.name(),
                    status.kind() == null ? null : status.kind().name(), counts.getOrDefault(status.id(), 0L)));
        }
        List<FunnelReport.Row> result = new ArrayList<>(rows.values());
        unknown.forEach((statusId, lead) -> {
            if (!rows.containsKey(statusId)) {
                result.add(new FunnelReport.Row(statusId, statusId == null ? "No status" : lead.statusName(),
                        lead.statusKind() == null ? null : lead.statusKind().name(), counts.get(statusId)));
            }
        });
        return new FunnelReport(result, new FunnelReport.Total(ConversionReports.TOTAL_KEY, TOTAL_LABEL, total));
    }

    private static LeadFact firstByName(LeadFact a, LeadFact b) {
        return Groups.KEY_ORDER.compare(a.statusName(), b.statusName()) <= 0 ? a : b;
    }
}
