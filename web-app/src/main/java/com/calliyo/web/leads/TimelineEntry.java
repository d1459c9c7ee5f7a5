package com.calliyo.web.leads;

import java.time.Instant;

/** A call, follow-up or note of a lead (the fields that do not apply to the type are null). */
public record TimelineEntry(String id, String type, Instant occurredAt, String actorId, String text,
                            String callStatus, Integer durationSeconds, Boolean connected, Instant scheduledAt,
                            Instant resolvedAt, Boolean dueToday, Boolean overdue) {
}
