package com.calliyo.lead.events;

import java.time.Instant;
import java.util.List;

/**
 * v1 of {@code com.calliyo.lead.converted}: the lead became a customer, credited to {@code convertedBy}
 * (the assignee at that moment). Carries the newest part of the timeline (newest first), bounded so the event fits
 * the broker's record limit however long the lead's history: {@code timelineSize} is how many entries the lead has,
 * and {@code timelineTruncated} is true when {@code timeline} holds fewer. Older entries were each published as their
 * own {@code call.logged}, {@code followup.*} or {@code note.added} event, which is where a consumer that needs the
 * whole history takes them from. Events published before these two fields existed lack them (null): their timeline
 * is whole. Common to every lead event: {@code leadVersion} grows by one with each change of the lead, so consumers
 * apply an event only if its version is newer than what they hold.
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
        List<TimelineEntry> timeline,
        Boolean timelineTruncated,
        Integer timelineSize) implements LeadEvent {

    /** A conversion whose {@code timeline} is the lead's whole history. */
    public LeadConverted(String companyId, String leadId, long leadVersion, Instant occurredAt, String actorId,
                         LeadSnapshot lead, Instant convertedAt, String convertedBy, List<TimelineEntry> timeline) {
        this(companyId, leadId, leadVersion, occurredAt, actorId, lead, convertedAt, convertedBy, timeline, false,
                timeline == null ? 0 : timeline.size());
    }

    /** False when older entries of the lead's history were left out of {@code timeline}. */
    public boolean carriesWholeTimeline() {
        return !Boolean.TRUE.equals(timelineTruncated);
    }
}
