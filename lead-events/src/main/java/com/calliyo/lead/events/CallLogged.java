package com.calliyo.lead.events;

import java.time.Instant;

/**
 * v1 of {@code com.calliyo.call.logged}: a call attempt was recorded on the lead.
 * Common to every lead event: {@code leadVersion} grows by one with each change of the lead, so consumers apply
 * an event only if its version is newer than what they hold.
 */
public record CallLogged(
        String companyId,
        String leadId,
        long leadVersion,
        Instant occurredAt,
        String actorId,
        LeadSnapshot lead,
        TimelineEntry call) implements LeadEvent {
}
