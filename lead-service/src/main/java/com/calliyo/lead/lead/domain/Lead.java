package com.calliyo.lead.lead.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.calliyo.lead.shared.LeadStatusRef;
import com.calliyo.lead.shared.StatusKind;

/**
 * The lead aggregate. Every mutating method bumps {@link #version()} once and returns the changes it made, which the
 * application layer turns into events written in the same single-document update.
 * <p>
 * Conversion is entering a status of kind CUSTOMER: the lead records when, and credits the agent it is assigned to
 * at that moment (the acting user when nobody is assigned). Leaving CUSTOMER un-converts; history stays. The fields
 * and their reads are {@link LeadState}.
 */
public class Lead extends LeadState {

    @SuppressWarnings("java:S107") // the persistence constructor mirrors the stored document
    Lead(String id, String companyId, long version, String firstName, String lastName, String phone, String email,
         List<String> tags, LeadStatusRef status, String assignedTo, String source, String campaign,
         CaptureChannel captureChannel, String channelRef, Instant createdAt, Instant updatedAt, Instant convertedAt,
         String convertedBy, List<StatusTransition> transitions) {
        super(id, companyId, version, firstName, lastName, phone, email, tags, status, assignedTo, source, campaign,
                captureChannel, channelRef, createdAt, updatedAt, convertedAt, convertedBy, transitions);
    }

    /**
     * A new lead, version 1, in its initial status; capturing straight into Customer converts at once. Its attribution
     * (source, campaign, capture channel and channel reference) is fixed here and no later change rewrites it.
     */
    public static Captured capture(String companyId, NewLead data, LeadStatusRef initialStatus, String actor,
                                   Instant now) {
        Lead lead = new Lead(UUID.randomUUID().toString(), companyId, 1, data.firstName(), data.lastName(),
                data.phone(), data.email(), data.tags(), initialStatus, null, data.source(), data.campaign(),
                data.channel(), data.channelRef(), now, now, null, null, List.of());
        List<LeadChange> changes = new ArrayList<>();
        changes.add(new LeadChange.Captured());
        if (initialStatus.isCustomer()) {
            lead.convertedAt = now;
            lead.convertedBy = actor;
            changes.add(new LeadChange.Converted(now, actor));
        }
        return new Captured(lead, List.copyOf(changes));
    }

    /** The lead just captured and the changes capturing it recorded. */
    public record Captured(Lead lead, List<LeadChange> changes) {
    }

    /**
     * Applies field edits and/or a move to status {@code to} (either may be null) as one change of the lead: one
     * new version, however many events it produces. No change, and no new version, when nothing differs.
     */
    public List<LeadChange> change(LeadEdit edit, LeadStatusRef to, String actor, Instant now) {
        List<LeadChange> changes = new ArrayList<>();
        if (edit != null && applyEdit(edit)) {
            changes.add(new LeadChange.Updated());
        }
        if (to != null && !status.id().equals(to.id())) {
            changes.addAll(moveTo(to, actor, now));
        }
        return committed(changes, now);
    }

    private List<LeadChange> moveTo(LeadStatusRef to, String actor, Instant now) {
        LeadStatusRef from = status;
        List<LeadChange> changes = new ArrayList<>();
        changes.add(new LeadChange.StatusChanged(from, to));
        if (to.isCustomer() && !from.isCustomer()) {
            convertedAt = now;
            convertedBy = assignedTo != null ? assignedTo : actor;
            changes.add(new LeadChange.Converted(convertedAt, convertedBy));
        } else if (from.isCustomer() && !to.isCustomer()) {
            convertedAt = null;
            convertedBy = null;
            changes.add(new LeadChange.Unconverted(from, to));
        }
        status = to;
        transitions.add(new StatusTransition(now, actor, from, to));
        return changes;
    }

    /**
     * Logs a call as one change of the lead: resolves the open follow-ups whose day (in {@code zone}) is on or before
     * the call's day (spec K3, F6), then schedules {@code followUp} when the call status asks for one.
     */
    public List<LeadChange> logCall(Call call, FollowUp followUp, LeadStatusRef followUpsStatus, ZoneId zone,
                                    String actor, Instant now) {
        calls = appended(calls, call);
        List<LeadChange> changes = new ArrayList<>();
        changes.add(new LeadChange.CallLogged(call));
        LocalDate callDay = LocalDate.ofInstant(call.startedAt(), zone);
        for (FollowUp open : followUps().stream().filter(FollowUp::isOpen).toList()) {
            if (!open.day(zone).isAfter(callDay)) {
                changes.add(resolve(open, actor, now));
            }
        }
        if (followUp != null) {
            changes.addAll(schedule(followUp, followUpsStatus, actor, now));
        }
        return committed(changes, now);
    }

    /** Schedules a follow-up and moves the lead to {@code followUpsStatus} (a customer keeps its status). */
    public List<LeadChange> scheduleFollowUp(FollowUp followUp, LeadStatusRef followUpsStatus, String actor,
                                             Instant now) {
        return committed(schedule(followUp, followUpsStatus, actor, now), now);
    }

    /** Resolves the open follow-up; nothing (no new version) when it is already resolved. */
    public List<LeadChange> resolveFollowUp(String followUpId, String actor, Instant now) {
        return followUp(followUpId).filter(FollowUp::isOpen)
                .map(open -> committed(List.of(resolve(open, actor, now)), now))
                .orElse(List.of());
    }

    /** Adds a note; allowed on customers too, and never a status change. */
    public List<LeadChange> addNote(Note note, Instant now) {
        notes = appended(notes, note);
        return committed(List.of(new LeadChange.NoteAdded(note)), now);
    }

    private List<LeadChange> schedule(FollowUp followUp, LeadStatusRef followUpsStatus, String actor, Instant now) {
        followUps = appended(followUps, followUp);
        List<LeadChange> changes = new ArrayList<>();
        changes.add(new LeadChange.FollowUpScheduled(followUp));
        // Only an explicit status change may un-convert a customer; a reminder on one keeps it a customer.
        if (followUpsStatus != null && !isCustomer() && !status.id().equals(followUpsStatus.id())) {
            changes.addAll(moveTo(followUpsStatus, actor, now));
        }
        return changes;
    }

    private LeadChange resolve(FollowUp open, String actor, Instant now) {
        FollowUp resolved = open.resolved(actor, now);
        followUps = new ArrayList<>(followUps.stream().map(f -> f.id().equals(open.id()) ? resolved : f).toList());
        return new LeadChange.FollowUpResolved(resolved);
    }

    private List<LeadChange> committed(List<LeadChange> changes, Instant now) {
        if (!changes.isEmpty()) {
            version++;
            updatedAt = now;
        }
        return List.copyOf(changes);
    }

    /**
     * Gives the lead to {@code agentId} as one change (one new version): a lead in a status of kind UNASSIGNED also
     * moves to {@code assignedStatus} (when the pipeline has one); any other status stays. No change when the agent
     * already holds it and nothing else would move. Customers are never reassigned.
     */
    public List<LeadChange> assignTo(String agentId, LeadStatusRef assignedStatus, String actor, Instant now) {
        Objects.requireNonNull(agentId, "agentId");
        if (isCustomer()) {
            throw new IllegalStateException("Lead " + id + " is a customer and cannot be reassigned");
        }
        List<LeadChange> changes = new ArrayList<>();
        if (!agentId.equals(assignedTo)) {
            changes.add(new LeadChange.Assigned(assignedTo, agentId));
            assignedTo = agentId;
        }
        if (assignedStatus != null && status.kind() == StatusKind.UNASSIGNED
                && !status.id().equals(assignedStatus.id())) {
            changes.addAll(moveTo(assignedStatus, actor, now));
        }
        return committed(changes, now);
    }

    private static <T> List<T> appended(List<T> list, T item) {
        List<T> copy = list == null ? new ArrayList<>() : new ArrayList<>(list);
        copy.add(item);
        return copy;
    }

    /**
     * Takes the lead away from its agent and puts it back in {@code unassignedStatus}, as one change. The lost agent
     * is an {@link LeadChange.Unassigned} (with {@code reason}); the move is also a status change, and when the status
     * does not move the lost assignee is also reported as an update of the lead (what consumers read before the
     * unassigned event existed).
     */
    public List<LeadChange> unassign(LeadStatusRef unassignedStatus, String reason, String actor, Instant now) {
        if (isCustomer()) {
            throw new IllegalStateException("Lead " + id + " is a customer and cannot be unassigned");
        }
        List<LeadChange> changes = new ArrayList<>();
        boolean hadAgent = assignedTo != null;
        if (hadAgent) {
            changes.add(new LeadChange.Unassigned(assignedTo, reason));
        }
        assignedTo = null;
        if (!status.id().equals(unassignedStatus.id())) {
            changes.addAll(moveTo(unassignedStatus, actor, now));
        } else if (hadAgent) {
            changes.add(new LeadChange.Updated());
        }
        return committed(changes, now);
    }

    /**
     * Shows the lead's status as the pipeline currently names it. A rename is a change of the pipeline, not of the
     * lead: no new version and no event of the lead; the new name is stored with the lead's next change.
     */
    public void showStatusAs(LeadStatusRef current) {
        if (current != null && current.id().equals(status.id())) {
            status = current;
        }
    }

    private boolean applyEdit(LeadEdit edit) {
        boolean changed = false;
        if (edit.firstName() != null && !edit.firstName().equals(firstName)) {
            firstName = edit.firstName();
            changed = true;
        }
        if (edit.lastName().changes(lastName)) {
            lastName = edit.lastName().applyTo(lastName);
            changed = true;
        }
        if (edit.email().changes(email)) {
            email = edit.email().applyTo(email);
            changed = true;
        }
        if (edit.tags() != null && !edit.tags().equals(tags)) {
            tags.clear();
            tags.addAll(edit.tags());
            changed = true;
        }
        return changed;
    }
}
