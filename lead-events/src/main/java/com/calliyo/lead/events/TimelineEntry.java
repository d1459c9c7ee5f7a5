package com.calliyo.lead.events;

import java.time.Instant;

/**
 * One item of a lead's history. Fields that do not apply to the entry's {@code type} are null:
 * CALL has {@code callStatus}, {@code durationSeconds}; FOLLOW_UP has {@code scheduledAt}, {@code resolvedAt};
 * {@code text} is the note text or the call/follow-up note. {@code id} is stable, so consumers add entries by id.
 */
public record TimelineEntry(
        String id,
        TimelineEntryType type,
        Instant occurredAt,
        String actorId,
        String text,
        String callStatus,
        Integer durationSeconds,
        Instant scheduledAt,
        Instant resolvedAt) {
}
