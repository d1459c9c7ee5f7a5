package com.calliyo.lead.events;

import java.time.Instant;

/**
 * v1 of {@code com.calliyo.followup.scheduled}: a callback was scheduled on the lead.
 * Common to every lead event: {@code leadVersion} grows by one with each change of the lead, so consumers apply
 * an event only if its version is newer than what they hold.
 */
public record FollowUpScheduled(
        String companyId,
        String leadId,
        long leadVersion,
        Instant occurredAt,
        String actorId,
        LeadSnapshot lead,
        TimelineEntry followUp) implements LeadEvent {
}
