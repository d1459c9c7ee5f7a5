package com.calliyo.lead.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import com.calliyo.lead.lead.domain.FollowUp;

/**
 * A follow-up with its derived states, counted in the company's timezone: {@code dueToday} (open, its day is today)
 * and {@code overdue} (open, its day has passed).
 */
public record FollowUpResponse(String id, String leadId, Instant scheduledAt, String note, String ownerId,
                               String createdBy, Instant createdAt, String callId, boolean resolved,
                               Instant resolvedAt, String resolvedBy, boolean dueToday, boolean overdue) {

    public static FollowUpResponse of(String leadId, FollowUp followUp, ZoneId zone, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        return new FollowUpResponse(followUp.id(), leadId, followUp.scheduledAt(), followUp.note(),
                followUp.ownerId(), followUp.createdBy(), followUp.createdAt(), followUp.callId(),
                !followUp.isOpen(), followUp.resolvedAt(), followUp.resolvedBy(),
                followUp.isDueToday(today, zone), followUp.isOverdue(today, zone));
    }
}
