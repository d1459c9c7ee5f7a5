package com.calliyo.lead.events;

import java.time.Instant;
import java.util.List;

/**
 * v1 of {@code com.calliyo.lead.converted}: the lead became a customer, credited to {@code convertedBy}
 * (the assignee at that moment). Carries the whole timeline so read models can show the history without calling back.
 * Common to every lead event: {@code leadVersion} grows by one with each change of the lead, so consumers apply
 * an event only if its version is newer than what they hold.
 */
public record LeadConverted(
        String companyId,
        String leadId,
        long leadVersion,
        Instant occurredAt,
        String actorId,
        LeadSnapshot lead,
        Instant convertedAt,
        String convertedBy,
        List<TimelineEntry> timeline) implements LeadEvent {
}
