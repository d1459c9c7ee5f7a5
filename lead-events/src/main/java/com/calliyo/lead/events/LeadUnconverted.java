package com.calliyo.lead.events;

import java.time.Instant;

/**
 * v1 of {@code com.calliyo.lead.unconverted}: a customer was moved back to a non-customer status;
 * its history stays. Reports drop it from conversions retroactively.
 * Common to every lead event: {@code leadVersion} grows by one with each change of the lead, so consumers apply
 * an event only if its version is newer than what they hold.
 */
public record LeadUnconverted(
        String companyId,
        String leadId,
        long leadVersion,
        Instant occurredAt,
        String actorId,
        LeadSnapshot lead,
        StatusRef from,
        StatusRef to) implements LeadEvent {
}
