package com.calliyo.lead.events;

import java.time.Instant;

/**
 * v1 of {@code com.calliyo.lead.captured}: a lead entered the company (form, CSV, webhook or API).
 * Common to every lead event: {@code leadVersion} grows by one with each change of the lead, so consumers apply
 * an event only if its version is newer than what they hold.
 */
public record LeadCaptured(
        String companyId,
        String leadId,
        long leadVersion,
        Instant occurredAt,
        String actorId,
        LeadSnapshot lead) implements LeadEvent {
}
