package com.calliyo.reporting.facts;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.calliyo.lead.events.StatusRef;

/**
 * What reports need to know about a company: its timezone (UTC until its settings arrive), its daily call targets
 * over time (none until its settings arrive), its pipeline in order (empty until known) and its users' names by id.
 */
public record CompanyFacts(
        String companyId,
        ZoneId timezone,
        CallTargets callTargets,
        List<StatusRef> pipeline,
        Map<String, String> userNames) {

    public static final ZoneId DEFAULT_TIMEZONE = ZoneId.of("UTC");

    public CompanyFacts {
        pipeline = List.copyOf(pipeline);
        userNames = Map.copyOf(userNames);
    }
}
