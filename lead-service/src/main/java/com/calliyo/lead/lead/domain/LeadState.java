package com.calliyo.lead.lead.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.calliyo.lead.shared.LeadStatusRef;

/**
 * What a {@link Lead} stores and shows: its fields, as the document holds them, and their reads. The rules that
 * change them are {@link Lead}'s; the fields are package-private for it alone (nothing else in the package writes
 * them).
 */
public abstract class LeadState {

    final String id;
    final String companyId;
    long version;
    String firstName;
    String lastName;
    final String phone;
    String email;
    final List<String> tags;
    LeadStatusRef status;
    String assignedTo;
    final String source;
    final String campaign;
    final CaptureChannel captureChannel;
    final String channelRef;
    final Instant createdAt;
    Instant updatedAt;
    Instant convertedAt;
    String convertedBy;
    final List<StatusTransition> transitions;
    // Calls, follow-ups and notes live in the lead so that an activity, the status change it causes and their events
    // are one atomic write. Null when not loaded (lists project them out) or still empty; a null list is not written,
    // so storing a lead read without them leaves the stored ones alone. Set by the mapping, not the constructor.
    List<Call> calls;
    List<FollowUp> followUps;
    List<Note> notes;

    @SuppressWarnings("java:S107") // mirrors the stored document, as Lead's persistence constructor does
    LeadState(String id, String companyId, long version, String firstName, String lastName, String phone, String email,
              List<String> tags, LeadStatusRef status, String assignedTo, String source, String campaign,
              CaptureChannel captureChannel, String channelRef, Instant createdAt, Instant updatedAt,
              Instant convertedAt, String convertedBy, List<StatusTransition> transitions) {
        this.id = Objects.requireNonNull(id);
        this.companyId = Objects.requireNonNull(companyId);
        this.version = version;
        this.firstName = firstName;
        this.lastName = lastName;
        this.phone = phone;
        this.email = email;
        this.tags = tags == null ? new ArrayList<>() : new ArrayList<>(tags);
        this.status = status;
        this.assignedTo = assignedTo;
        this.source = source;
        this.campaign = campaign;
        this.captureChannel = captureChannel;
        this.channelRef = channelRef;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.convertedAt = convertedAt;
        this.convertedBy = convertedBy;
        this.transitions = transitions == null ? new ArrayList<>() : new ArrayList<>(transitions);
    }

    public String id() {
        return id;
    }

    public String companyId() {
        return companyId;
    }

    public long version() {
        return version;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public String phone() {
        return phone;
    }

    public String email() {
        return email;
    }

    public List<String> tags() {
        return List.copyOf(tags);
    }

    public LeadStatusRef status() {
        return status;
    }

    public String assignedTo() {
        return assignedTo;
    }

    public String source() {
        return source;
    }

    public String campaign() {
        return campaign;
    }

    public CaptureChannel captureChannel() {
        return captureChannel;
    }

    /** The webhook key, API key or import the lead came through, or null. */
    public String channelRef() {
        return channelRef;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant convertedAt() {
        return convertedAt;
    }

    public String convertedBy() {
        return convertedBy;
    }

    public boolean isCustomer() {
        return status.isCustomer();
    }

    public List<StatusTransition> transitions() {
        return List.copyOf(transitions);
    }

    public List<Call> calls() {
        return calls == null ? List.of() : List.copyOf(calls);
    }

    public List<FollowUp> followUps() {
        return followUps == null ? List.of() : List.copyOf(followUps);
    }

    public Optional<FollowUp> followUp(String followUpId) {
        return followUps().stream().filter(f -> f.id().equals(followUpId)).findFirst();
    }

    public List<Note> notes() {
        return notes == null ? List.of() : List.copyOf(notes);
    }
}
