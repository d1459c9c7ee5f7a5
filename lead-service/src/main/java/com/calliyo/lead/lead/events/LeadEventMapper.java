package com.calliyo.lead.lead.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.calliyo.lead.events.CallLogged;
import com.calliyo.lead.events.FollowUpResolved;
import com.calliyo.lead.events.FollowUpScheduled;
import com.calliyo.lead.events.LeadAssigned;
import com.calliyo.lead.events.LeadCaptured;
import com.calliyo.lead.events.LeadConverted;
import com.calliyo.lead.events.LeadEventType;
import com.calliyo.lead.events.LeadSnapshot;
import com.calliyo.lead.events.LeadStatusChanged;
import com.calliyo.lead.events.LeadUnassigned;
import com.calliyo.lead.events.LeadUnconverted;
import com.calliyo.lead.events.LeadUpdated;
import com.calliyo.lead.events.NoteAdded;
import com.calliyo.lead.events.StatusKind;
import com.calliyo.lead.events.StatusRef;
import com.calliyo.lead.lead.domain.Lead;
import com.calliyo.lead.lead.domain.LeadChange;
import com.calliyo.lead.shared.LeadStatusRef;
import com.calliyo.lead.shared.OutboxEntry;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the changes of one write into v1 contract events, each carrying the lead's state after the write and the
 * lead's new version (a conversion is two events with the same version). A conversion carries only the newest part
 * of the timeline ({@link TimelinePage}), so a long history cannot make it too large to publish.
 */
@Component
public class LeadEventMapper {

    private final JsonMapper json;

    LeadEventMapper(JsonMapper json) {
        this.json = json;
    }

    public List<OutboxEntry> toOutbox(Lead lead, List<LeadChange> changes, String actorId, Instant now) {
        LeadSnapshot snapshot = snapshot(lead);
        return changes.stream().map(change -> entry(lead, change, snapshot, actorId, now)).toList();
    }

    private OutboxEntry entry(Lead lead, LeadChange change, LeadSnapshot snapshot, String actor, Instant now) {
        Event event = toEvent(change, lead, snapshot, actor, now);
        return new OutboxEntry(UUID.randomUUID().toString(), event.type().type(), now,
                json.writeValueAsString(event.data()));
    }

    private record Event(LeadEventType type, Object data) {
    }

    private Event toEvent(LeadChange change, Lead lead, LeadSnapshot snapshot, String actor, Instant now) {
        String company = lead.companyId();
        String id = lead.id();
        long version = lead.version();
        if (change instanceof LeadChange.Captured) {
            return new Event(LeadEventType.CAPTURED, new LeadCaptured(company, id, version, now, actor, snapshot,
                    lead.captureChannel() == null ? null : lead.captureChannel().name(), lead.channelRef()));
        }
        if (change instanceof LeadChange.Updated) {
            return new Event(LeadEventType.UPDATED, new LeadUpdated(company, id, version, now, actor, snapshot));
        }
        if (change instanceof LeadChange.StatusChanged s) {
            return new Event(LeadEventType.STATUS_CHANGED, new LeadStatusChanged(company, id, version, now, actor,
                    snapshot, ref(s.from()), ref(s.to())));
        }
        if (change instanceof LeadChange.Converted c) {
            TimelinePage timeline = TimelinePage.of(TimelineEntries.of(lead), json);
            return new Event(LeadEventType.CONVERTED, new LeadConverted(company, id, version, now, actor, snapshot,
                    c.convertedAt(), c.convertedBy(), timeline.entries(), timeline.truncated(), timeline.size()));
        }
        if (change instanceof LeadChange.Unconverted u) {
            return new Event(LeadEventType.UNCONVERTED, new LeadUnconverted(company, id, version, now, actor,
                    snapshot, ref(u.from()), ref(u.to())));
        }
        Event activity = activityEvent(change, lead, snapshot, actor, now);
        if (activity != null) {
            return activity;
        }
        if (change instanceof LeadChange.Assigned a) {
            return new Event(LeadEventType.ASSIGNED, new LeadAssigned(company, id, version, now, actor, snapshot,
                    a.from(), a.to()));
        }
        if (change instanceof LeadChange.Unassigned u) {
            return new Event(LeadEventType.UNASSIGNED, new LeadUnassigned(company, id, version, now, actor, snapshot,
                    u.from(), u.reason()));
        }
        throw new IllegalArgumentException("Unmapped lead change " + change);
    }

    /** Calls, follow-ups and notes: each event carries its entry exactly as the timeline shows it. */
    private static Event activityEvent(LeadChange change, Lead lead, LeadSnapshot snapshot, String actor,
                                       Instant now) {
        String company = lead.companyId();
        String id = lead.id();
        long version = lead.version();
        if (change instanceof LeadChange.CallLogged c) {
            return new Event(LeadEventType.CALL_LOGGED, new CallLogged(company, id, version, now, actor, snapshot,
                    TimelineEntries.of(c.call())));
        }
        if (change instanceof LeadChange.FollowUpScheduled f) {
            return new Event(LeadEventType.FOLLOWUP_SCHEDULED, new FollowUpScheduled(company, id, version, now,
                    actor, snapshot, TimelineEntries.of(f.followUp())));
        }
        if (change instanceof LeadChange.FollowUpResolved f) {
            return new Event(LeadEventType.FOLLOWUP_RESOLVED, new FollowUpResolved(company, id, version, now,
                    actor, snapshot, TimelineEntries.of(f.followUp())));
        }
        if (change instanceof LeadChange.NoteAdded n) {
            return new Event(LeadEventType.NOTE_ADDED, new NoteAdded(company, id, version, now, actor, snapshot,
                    TimelineEntries.of(n.note())));
        }
        return null;
    }

    static LeadSnapshot snapshot(Lead lead) {
        return new LeadSnapshot(lead.firstName(), lead.lastName(), lead.phone(), lead.email(), lead.tags(),
                ref(lead.status()), lead.assignedTo(), lead.source(), lead.campaign(), lead.createdAt(),
                lead.convertedAt(), lead.convertedBy());
    }

    private static StatusRef ref(LeadStatusRef status) {
        return new StatusRef(status.id(), status.name(), StatusKind.valueOf(status.kind().name()));
    }
}
