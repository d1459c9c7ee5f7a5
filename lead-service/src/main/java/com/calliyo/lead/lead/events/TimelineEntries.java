package com.calliyo.lead.lead.events;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.calliyo.lead.events.TimelineEntry;
import com.calliyo.lead.events.TimelineEntryType;
import com.calliyo.lead.lead.domain.Call;
import com.calliyo.lead.lead.domain.FollowUp;
import com.calliyo.lead.lead.domain.Lead;
import com.calliyo.lead.lead.domain.Note;

/**
 * A lead's calls, follow-ups and notes as the contract's {@link TimelineEntry}: a call happened at its
 * {@code startedAt}, a follow-up and a note when they were written. Entries keep the activity's id, so consumers
 * add them by id and a replay changes nothing.
 */
public final class TimelineEntries {

    /**
     * Newest first. Entries of the same instant (a call and the follow-up it schedules) in a fixed order: note,
     * follow-up, call, so what a call led to reads above the call; then by id.
     */
    public static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator
            .comparing(TimelineEntry::occurredAt).reversed()
            .thenComparing(TimelineEntry::type, Comparator.reverseOrder())
            .thenComparing(TimelineEntry::id);

    private TimelineEntries() {
    }

    /** The lead's whole timeline, newest first. */
    public static List<TimelineEntry> of(Lead lead) {
        return Stream.of(lead.calls().stream().map(TimelineEntries::of),
                        lead.followUps().stream().map(TimelineEntries::of),
                        lead.notes().stream().map(TimelineEntries::of))
                .flatMap(entries -> entries)
                .sorted(NEWEST_FIRST)
                .toList();
    }

    public static TimelineEntry of(Call call) {
        return new TimelineEntry(call.id(), TimelineEntryType.CALL, call.startedAt(), call.loggedBy(), call.note(),
                call.callStatus().name(), call.durationSeconds(), null, null);
    }

    public static TimelineEntry of(FollowUp followUp) {
        return new TimelineEntry(followUp.id(), TimelineEntryType.FOLLOW_UP, followUp.createdAt(),
                followUp.createdBy(), followUp.note(), null, null, followUp.scheduledAt(), followUp.resolvedAt());
    }

    public static TimelineEntry of(Note note) {
        return new TimelineEntry(note.id(), TimelineEntryType.NOTE, note.createdAt(), note.createdBy(), note.text(),
                null, null, null, null);
    }
}
