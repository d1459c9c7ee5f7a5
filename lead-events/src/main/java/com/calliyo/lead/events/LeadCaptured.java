package com.calliyo.lead.events;

import java.time.Instant;

/**
 * v1 of {@code com.calliyo.lead.captured}: a lead entered the company (form, CSV, webhook or API).
 * Common to every lead event: {@code leadVersion} grows by one with each change of the lead, so consumers apply
 * an event only if its version is newer than what they hold.
 * {@code captureChannel} (FORM, CSV, WEBHOOK, API) and {@code channelRef} (the webhook key, API key or import id)
 * say how the lead came in; both were added within v1, so events published before carry neither (null).
 */
public record LeadCaptured(
        String companyId,
        String leadId,
        long leadVersion,
        Instant occurredAt,
        String actorId,
        LeadSnapshot lead,
        String captureChannel,
        String channelRef) implements LeadEvent {

    /** A captured event without its channel, as published before the channel was part of v1. */
    public LeadCaptured(String companyId, String leadId, long leadVersion, Instant occurredAt, String actorId,
                        LeadSnapshot lead) {
        this(companyId, leadId, leadVersion, occurredAt, actorId, lead, null, null);
    }
}
