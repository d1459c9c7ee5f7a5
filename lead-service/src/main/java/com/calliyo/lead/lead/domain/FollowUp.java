package com.calliyo.lead.lead.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A callback scheduled on the lead, kept inside it. Its id starts with the lead id ({@link ActivityIds#followUp}), so
 * {@code POST /api/follow-ups/{id}/resolve} finds the lead by {@code _id} without a second collection. {@code ownerId}
 * is the lead's assignee when it was scheduled; {@code callId} the call that scheduled it, if any.
 * <p>
 * Its day is the local date of {@code scheduledAt} in the company's timezone: open and that day is today means due
 * today; open and that day has passed means overdue (spec §2.9, F7).
 */
public record FollowUp(String id, Instant scheduledAt, String note, String ownerId, String createdBy,
                       Instant createdAt, String callId, Instant resolvedAt, String resolvedBy) {

    public static FollowUp scheduled(String leadId, Instant scheduledAt, String note, String ownerId,
                                     String createdBy, Instant createdAt, String callId) {
        return new FollowUp(ActivityIds.followUp(leadId), scheduledAt, note, ownerId, createdBy, createdAt, callId,
                null, null);
    }

    public boolean isOpen() {
        return resolvedAt == null;
    }

    public LocalDate day(ZoneId zone) {
        return LocalDate.ofInstant(scheduledAt, zone);
    }

    public boolean isDueToday(LocalDate today, ZoneId zone) {
        return isOpen() && day(zone).equals(today);
    }

    public boolean isOverdue(LocalDate today, ZoneId zone) {
        return isOpen() && day(zone).isBefore(today);
    }

    FollowUp resolved(String by, Instant at) {
        return new FollowUp(id, scheduledAt, note, ownerId, createdBy, createdAt, callId, at, by);
    }
}
