package com.calliyo.reporting.facts;

import java.time.Instant;
import java.util.List;

import com.calliyo.lead.events.StatusKind;

/**
 * What reports need to know about one lead now, as of {@code version} (the last applied leadVersion).
 * {@code convertedAt}/{@code convertedBy} are set only while the lead is a customer, so an un-conversion takes the
 * lead out of every conversion and revenue figure and a re-conversion states the new conversion once.
 */
public record LeadFact(
        String leadId,
        String companyId,
        long version,
        Instant capturedAt,
        String source,
        String campaign,
        List<String> tags,
        String statusId,
        String statusName,
        StatusKind statusKind,
        String assignedTo,
        Instant convertedAt,
        String convertedBy) {

    public LeadFact {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public boolean isCustomer() {
        return statusKind == StatusKind.CUSTOMER;
    }

    /**
     * The agent the lead counts for: while a customer, the agent credited with the conversion (convertedBy; null
     * when lead-service credited no one); otherwise the current assignee. Null when no one, and a pseudo-user
     * ({@code webhook:}, {@code apikey:}) is no one too ({@link AgentIds}).
     */
    public String agent() {
        return AgentIds.person(isCustomer() ? convertedBy : assignedTo);
    }
}
