package com.calliyo.lead.lead.domain;

import java.time.Instant;

import com.calliyo.lead.shared.LeadStatusRef;

/**
 * What happened to a lead in one write. A single write may record several changes (a conversion is a status change
 * plus the conversion itself); they all share the lead's new version.
 */
public sealed interface LeadChange {

    record Captured() implements LeadChange {
    }

    record Updated() implements LeadChange {
    }

    record StatusChanged(LeadStatusRef from, LeadStatusRef to) implements LeadChange {
    }

    record Converted(Instant convertedAt, String convertedBy) implements LeadChange {
    }

    record Unconverted(LeadStatusRef from, LeadStatusRef to) implements LeadChange {
    }

    record CallLogged(Call call) implements LeadChange {
    }

    record FollowUpScheduled(FollowUp followUp) implements LeadChange {
    }

    record FollowUpResolved(FollowUp followUp) implements LeadChange {
    }

    record NoteAdded(Note note) implements LeadChange {
    }

    /** The lead got a new assignee; {@code from} is null when it had none. */
    record Assigned(String from, String to) implements LeadChange {
    }

    /**
     * The lead was taken away from agent {@code from} and has no assignee now; {@code reason} says why
     * ({@link #STALE}).
     */
    record Unassigned(String from, String reason) implements LeadChange {

        /** The stale-lead clean-up took the lead back. */
        public static final String STALE = "STALE";
    }
}
